using System.Buffers;
using System.IO.Pipelines;

namespace VisionAspire.Redis.Internal;

/// <summary>
/// Reads whole RESP replies off a connection's inbound pipe. When the buffer stops inside a bulk string whose length is
/// known, the next read waits for all of it at once (<see cref="PipeReader.ReadAtLeastAsync"/>), so a 1 MB value that
/// arrives in 64 KB reads is parsed twice (its header, then whole) instead of once per read. Not thread-safe: one
/// receive loop owns it.
/// </summary>
internal sealed class RespReader(PipeReader input)
{
    /// <summary>Bytes the buffer must hold before parsing can get further; 0 when any new byte may help.</summary>
    private int _minimumBuffered;

    /// <summary>
    /// Waits for more bytes and passes every whole reply in the buffer to <paramref name="onReply"/>, in order.
    /// Returns false once the input has ended.
    /// </summary>
    public async ValueTask<bool> ReadAsync(Action<RedisReply> onReply)
    {
        var result = _minimumBuffered > 0
            ? await input.ReadAtLeastAsync(_minimumBuffered).ConfigureAwait(false)
            : await input.ReadAsync().ConfigureAwait(false);
        var buffer = result.Buffer;
        var consumed = Dispatch(buffer, onReply);
        input.AdvanceTo(consumed, buffer.End);
        return !result.IsCompleted;
    }

    private SequencePosition Dispatch(in ReadOnlySequence<byte> buffer, Action<RedisReply> onReply)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (true)
        {
            var start = reader.Position;
            var startOffset = reader.Consumed;
            if (!RespParser.TryRead(ref reader, out var reply, out var missing))
            {
                _minimumBuffered = missing > 0 ? (int)Math.Min(int.MaxValue, buffer.Length - startOffset + missing) : 0;
                return start;
            }
            onReply(reply);
        }
    }
}
