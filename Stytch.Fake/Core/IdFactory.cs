namespace Stytch.Fake.Core;

/// <summary>
/// Makes Stytch-shaped ids (<c>user-test-&lt;uuid&gt;</c>) and six-digit codes. With a seed the sequence is
/// the same on every run, so a failing test can be replayed; without one it is cryptographically random.
/// A project has exactly one: two factories on one seed would hand out the same UUIDs twice.
/// </summary>
internal sealed class IdFactory
{
    private readonly Lock _gate = new();
    private readonly Random? _random;

    public IdFactory(bool live, int? seed)
    {
        Environment = live ? "live" : "test";
        _random = seed is { } s ? new Random(s) : null;
    }

    /// <summary><c>test</c> or <c>live</c>, as it appears inside every id.</summary>
    public string Environment { get; }

    public string New(string kind) => $"{kind}-{Environment}-{NewUuid()}";

    /// <summary>
    /// A seed for another seeded source of the same project (fault probabilities, seeded names), drawn from this
    /// stream so that one project seed drives everything; null when this factory is not seeded.
    /// </summary>
    public int? NewSeed()
    {
        if (_random is null)
        {
            return null;
        }

        lock (_gate) { return _random.Next(); }
    }

    public string NewCode()
    {
        int value;
        if (_random is null)
        {
            value = BufferedSecureRandom.GetInt32(1_000_000);
        }
        else
        {
            lock (_gate) { value = _random.Next(0, 1_000_000); }
        }

        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A random opaque token of 44 url-safe characters, like Stytch's session tokens.</summary>
    public string NewToken()
    {
        var bytes = new byte[33];
        Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_');
    }

    /// <summary><paramref name="count"/> random bytes from the project's stream (seeded or not), for secrets such as TOTP keys.</summary>
    public byte[] NewBytes(int count)
    {
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }

    private Guid NewUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        // Version 4, RFC 4122 variant, so the ids look like the real ones.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private void Fill(Span<byte> bytes)
    {
        if (_random is null)
        {
            BufferedSecureRandom.Fill(bytes);
            return;
        }

        lock (_gate) { _random.NextBytes(bytes); }
    }
}
