using Icp.Data.Tables;
using Icp.TestSupport;
using Parquet;
using Parquet.Schema;

namespace Icp.Data.Tests.Tables;

public sealed class ParquetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Written_parquet_reads_back_with_empty_fields_as_missing()
    {
        var path = _dir.File("out.parquet");
        using (var writer = TableWriters.Create(path, ["name", "city", "icp_tier"]))
        {
            writer.Write(Table.Of(["name", "city"], ["Acme", "Malmö"], ["Beta", ""]), Table.Of(["icp_tier"], ["A"], ["C"]));
            writer.Write(Table.Of(["name", "city"], ["Gamma", "a,\"b\"\nc"]), Table.Of(["icp_tier"], [""]));
            writer.Commit();
        }
        var back = ReadBack.Of(path, capacity: 2);
        Assert.Equal(["name", "city", "icp_tier"], back.Columns);
        Assert.Equal([["Acme", "Malmö", "A"], ["Beta", "", "C"], ["Gamma", "a,\"b\"\nc", ""]], back.Rows);
        Assert.Equal([1L, 2, 3], back.Lines);
        Assert.Equal(["out.parquet"], _dir.Files());
    }

    [Fact]
    public async Task Typed_columns_are_formatted_invariantly()
    {
        var path = _dir.File("typed.parquet");
        var fields = new DataField[]
        {
            new DataField<int?>("i"), new DataField<double>("d"), new DataField<bool?>("b"),
            new DataField<DateTime?>("t"), new DataField<DateOnly?>("day"), new DataField<decimal?>("m"),
        };
        var list = new ListField("tech", new DataField<string>("element"));
        var schema = new ParquetSchema([.. fields, list]);
        var ct = TestContext.Current.CancellationToken;
        await using (var stream = File.Create(path))
        {
            var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<int>(fields[0], new int?[] { 250, null }, cancellationToken: ct);
                await group.WriteAsync<double>(fields[1], new[] { 0.1, 1e300 }, cancellationToken: ct);
                await group.WriteAsync<bool>(fields[2], new bool?[] { true, null }, cancellationToken: ct);
                await group.WriteAsync<DateTime>(fields[3], new DateTime?[] { new DateTime(2024, 3, 1, 13, 5, 9), new DateTime(2024, 3, 1) }, cancellationToken: ct);
                await group.WriteAsync<DateOnly>(fields[4], new DateOnly?[] { new DateOnly(2023, 12, 31), null }, cancellationToken: ct);
                await group.WriteAsync<decimal>(fields[5], new decimal?[] { 1234.5m, null }, cancellationToken: ct);
                await group.WriteAsync(list.Item as DataField ?? throw new InvalidOperationException(), new string?[] { "Salesforce", "Slack", "HubSpot" }, new[] { 0, 1, 0 });
            }
            await writer.DisposeAsync();
        }
        var back = ReadBack.Of(path, capacity: 1);
        Assert.Equal(["i", "d", "b", "t", "day", "m", "tech"], back.Columns);
        Assert.Equal(
            [
                ["250", "0.1", "true", "2024-03-01T13:05:09", "2023-12-31", "1234.5", "[\"Salesforce\",\"Slack\"]"],
                ["", "1E+300", "", "2024-03-01", "", "", "[\"HubSpot\"]"],
            ],
            back.Rows);
    }

    [Fact]
    public void More_rows_than_a_row_group_read_back_in_order()
    {
        var path = _dir.File("big.parquet");
        var total = ParquetTableWriter.RowGroupSize + 10;
        using (var writer = TableWriters.Create(path, ["n"]))
        {
            for (var start = 0; start < total; start += 5000)
                writer.Write(Table.Of(["n"], [.. Enumerable.Range(start, Math.Min(5000, total - start)).Select(i => new[] { i.ToString() })]), null);
            writer.Commit();
        }
        var back = ReadBack.Of(path, capacity: 4096);
        Assert.Equal(Enumerable.Range(0, total).Select(i => i.ToString()), back.Rows.Select(r => r[0]));
        Assert.Equal(total, back.Lines[^1]);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_input_error()
    {
        var path = _dir.Write("fake.parquet", "name,city\nAcme,Oslo\n");
        var e = Assert.Throws<Icp.Core.InputException>(() => ReadBack.Of(path));
        Assert.Contains("fake.parquet", e.Describe(), StringComparison.Ordinal);
    }
}
