using Icp.Core.Tables;
using Icp.TestSupport;

namespace Icp.Core.Tests.Tables;

public sealed class RowBatchTests
{
    [Fact]
    public void Fields_read_back_as_written_with_their_source_lines()
    {
        var batch = Table.Of(["a", "b"], ["1", "x"], ["", "long value with spaces"]);

        Assert.Equal(2, batch.Count);
        Assert.Equal(("1", "x", "", "long value with spaces"), (batch[0, 0].ToString(), batch[0, 1].ToString(), batch[1, 0].ToString(), batch[1, 1].ToString()));
        Assert.Equal((2L, 3L), (batch.LineOf(0), batch.LineOf(1)));
        Assert.True(batch.IsFull);
    }

    [Fact]
    public void The_character_buffer_grows_for_long_fields()
    {
        var batch = new RowBatch(1, 1);
        var text = new string('x', 10_000);

        batch.BeginRow(7);
        batch.AddField(text);
        batch.EndRow();

        Assert.Equal(text, batch[0, 0].ToString());
    }

    [Fact]
    public void Fields_written_in_place_are_committed()
    {
        var batch = new RowBatch(2, 2);

        batch.BeginRow(1);
        "abc".AsSpan().CopyTo(batch.GetFieldBuffer(10));
        batch.CommitField(3);
        batch.AddField("d");
        batch.EndRow();

        Assert.Equal(("abc", "d"), (batch[0, 0].ToString(), batch[0, 1].ToString()));
    }

    [Fact]
    public void Clear_forgets_rows_and_keeps_capacity()
    {
        var batch = Table.Of(["a"], ["1"], ["2"]);

        batch.Clear();
        batch.BeginRow(9);
        batch.AddField("3");
        batch.EndRow();

        Assert.Equal((1, "3", 9L, 2), (batch.Count, batch[0, 0].ToString(), batch.LineOf(0), batch.Capacity));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_refused()
    {
        var batch = new RowBatch(2, 2);

        batch.BeginRow(1);
        batch.AddField("only one");
        Assert.Throws<InvalidOperationException>(batch.EndRow);
        batch.AddField("two");
        Assert.Throws<InvalidOperationException>(() => batch.AddField("three"));
    }

    [Fact]
    public void A_full_batch_refuses_another_row()
    {
        var batch = Table.Of(["a"], ["1"]);

        Assert.Throws<InvalidOperationException>(() => batch.BeginRow(3));
    }

    [Fact]
    public void A_row_copies_between_batches()
    {
        var source = Table.Of(["a", "b"], ["1", "2"], ["3", "4"]);
        var target = new RowBatch(2, 1);

        target.CopyRowFrom(source, 1);

        Assert.Equal(("3", "4", 3L), (target[0, 0].ToString(), target[0, 1].ToString(), target.LineOf(0)));
    }
}
