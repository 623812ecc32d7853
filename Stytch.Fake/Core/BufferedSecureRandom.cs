using System.Security.Cryptography;

namespace Stytch.Fake.Core;

/// <summary>
/// Bytes from the system's cryptographic generator, fetched a few hundred at a time per thread. Each call into it
/// costs an OpenSSL round trip (locks, error-queue clearing) whatever its size, and a login needs several ids and a
/// code: fetched one at a time they were a tenth of a request's CPU. The bytes are the same generator's, only batched.
/// </summary>
internal static class BufferedSecureRandom
{
    private const int BufferSize = 512;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _available;

    /// <summary>Fills <paramref name="bytes"/> with cryptographically strong random bytes.</summary>
    public static void Fill(Span<byte> bytes)
    {
        if (bytes.Length > BufferSize / 4)
        {
            RandomNumberGenerator.Fill(bytes);
            return;
        }

        var buffer = _buffer ??= new byte[BufferSize];
        if (_available < bytes.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            _available = BufferSize;
        }

        var fresh = buffer.AsSpan(BufferSize - _available, bytes.Length);
        fresh.CopyTo(bytes);
        // Handed-out bytes are wiped, so no later read of this buffer can repeat them.
        fresh.Clear();
        _available -= bytes.Length;
    }

    /// <summary>A uniformly random integer in [0, <paramref name="toExclusive"/>), by rejection so no value is favoured.</summary>
    public static int GetInt32(int toExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toExclusive, 1);
        var limit = uint.MaxValue - (uint.MaxValue % (uint)toExclusive);
        Span<byte> four = stackalloc byte[4];
        uint value;
        do
        {
            Fill(four);
            value = BitConverter.ToUInt32(four);
        }
        while (value >= limit);

        return (int)(value % (uint)toExclusive);
    }
}
