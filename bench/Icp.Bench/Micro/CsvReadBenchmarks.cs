using BenchmarkDotNet.Attributes;
using Icp.Bench.EndToEnd;
using Icp.Bench.Generation;

namespace Icp.Bench.Micro;

/// <summary>The parse baseline of the e2e benchmark, (a), as a micro-benchmark over a small generated file.</summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private string _path = "";

    [Params(100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"icp-bench-accounts-{Rows}.csv");
        if (!File.Exists(_path)) AccountTableGenerator.WriteFile(_path, Rows, seed: 42);
    }

    [Benchmark]
    public long ReadEveryField() => ParseBaseline.ReadAll(_path).Checksum;
}

/// <summary>How fast the generator writes accounts (it must make multi-million-row files quickly).</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    [Benchmark]
    public long Generate100kRows()
    {
        using var sink = new CountingStream();
        using (var csv = new CsvRowWriter(sink)) new AccountTableGenerator(42).Write(csv, 100_000);
        return sink.Length;
    }

    /// <summary>A write-only stream that only counts, so the benchmark measures generation, not the disk.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
