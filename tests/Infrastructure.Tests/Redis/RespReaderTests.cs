using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using VisionAspire.Redis;
using VisionAspire.Redis.Internal;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>The receive side's parser and reader, fed through an in-memory pipe.</summary>
public sealed class RespReaderTests
{
    [Fact]
    public void An_unfinished_bulk_string_says_how_many_bytes_are_missing()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>("$10\r\nabcd"u8.ToArray()));

        Assert.False(RespParser.TryRead(ref reader, out _, out var missing));
        Assert.Equal(10 + 2 - 4, missing);
    }

    [Fact]
    public void An_unfinished_line_or_header_asks_for_any_byte()
    {
        foreach (var partial in new[] { "", "+OK", "$10", ":4", "*2\r\n:1\r\n" })
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(partial)));
            Assert.False(RespParser.TryRead(ref reader, out _, out var missing));
            Assert.Equal(0, missing);
        }
    }

    [Fact]
    public void A_bulk_string_inside_an_array_reports_its_own_missing_bytes()
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>("*2\r\n:1\r\n$100\r\nxy"u8.ToArray()));

        Assert.False(RespParser.TryRead(ref reader, out _, out var missing));
        Assert.Equal(100 + 2 - 2, missing);
    }

    [Fact]
    public void A_bulk_string_split_over_many_segments_is_copied_out_whole()
    {
        var value = new byte[300_000];
        new Random(3).NextBytes(value);
        var reply = Concat(Encoding.ASCII.GetBytes($"${value.Length}\r\n"), value, "\r\n:7\r\n"u8.ToArray());
        var reader = new SequenceReader<byte>(Segmented(reply, 64 * 1024 + 1));

        Assert.True(RespParser.TryRead(ref reader, out var bulk, out _));
        Assert.True(RespParser.TryRead(ref reader, out var integer, out _));

        Assert.Equal(value, bulk.BulkBytes);
        Assert.Equal(7, integer.Integer);
        Assert.True(reader.End);
    }

    [Fact]
    public async Task A_large_reply_arriving_in_64_KiB_chunks_is_not_parsed_again_per_chunk()
    {
        var value = new byte[1024 * 1024];
        new Random(5).NextBytes(value);
        var wire = Concat("+OK\r\n"u8.ToArray(), Encoding.ASCII.GetBytes($"${value.Length}\r\n"), value, "\r\n:1\r\n"u8.ToArray());
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        var input = new CountingReader(pipe.Reader);
        var reader = new RespReader(input);
        var replies = new List<RedisReply>();

        var receiving = Task.Run(async () =>
        {
            while (await reader.ReadAsync(replies.Add))
            {
            }
        });
        for (var offset = 0; offset < wire.Length; offset += 64 * 1024)
        {
            await pipe.Writer.WriteAsync(wire.AsMemory(offset, Math.Min(64 * 1024, wire.Length - offset)));
            await Task.Delay(5); // gives the reader every chance to wake up per chunk
        }
        await pipe.Writer.CompleteAsync();
        await receiving.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, replies.Count);
        Assert.Equal("OK", replies[0].AsString());
        Assert.Equal(value, replies[1].BulkBytes);
        Assert.Equal(1, replies[2].Integer);
        // 17 chunks: the first read sees the bulk's header, one more waits for the rest, then the end of input.
        Assert.True(input.Reads <= 4, $"{input.Reads} reads for 17 chunks");
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentLength)
    {
        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < bytes.Length; offset += segmentLength)
        {
            var segment = new Segment(bytes.AsMemory(offset, Math.Min(segmentLength, bytes.Length - offset)), last);
            first ??= segment;
            last = segment;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, Segment? previous)
        {
            Memory = memory;
            if (previous is not null)
            {
                RunningIndex = previous.RunningIndex + previous.Memory.Length;
                previous.Next = this;
            }
        }
    }

    /// <summary>Counts the reads that returned data to the reader.</summary>
    private sealed class CountingReader(PipeReader inner) : PipeReader
    {
        public int Reads;

        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            Interlocked.Increment(ref Reads);
            return result;
        }

        public override bool TryRead(out ReadResult result) => inner.TryRead(out result);

        protected override async ValueTask<ReadResult> ReadAtLeastAsyncCore(int minimumSize, CancellationToken cancellationToken)
        {
            var result = await inner.ReadAtLeastAsync(minimumSize, cancellationToken);
            Interlocked.Increment(ref Reads);
            return result;
        }
    }
}
