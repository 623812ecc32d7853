using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace Stytch.Fake.Tokens;

/// <summary>One RSA signing key of a project, with the self-signed certificate its JWK carries.</summary>
internal sealed class SigningKey : IDisposable
{
    public SigningKey(string kid, RSA rsa, X509Certificate2 certificate)
    {
        Kid = kid;
        Rsa = rsa;
        Certificate = certificate;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = kid };
    }

    public string Kid { get; }
    public RSA Rsa { get; }
    public X509Certificate2 Certificate { get; }
    public RsaSecurityKey SecurityKey { get; }

    public static SigningKey Create(string kid, DateTimeOffset now)
    {
        var rsa = RsaKeyPool.Take();
        var request = new CertificateRequest($"CN={kid}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new SigningKey(kid, rsa, certificate);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Rsa.Dispose();
    }
}

/// <summary>
/// Fresh 2048-bit RSA keys kept ready in the background: generating one takes from tens of milliseconds
/// to more than a second, which would otherwise land on the first JWT of every project.
/// </summary>
internal static class RsaKeyPool
{
    private const int Target = 2;
    private static readonly System.Collections.Concurrent.ConcurrentQueue<RSA> Ready = new();
    private static int _refilling;

    public static RSA Take()
    {
        var rsa = Ready.TryDequeue(out var ready) ? ready : RSA.Create(2048);
        Refill();
        return rsa;
    }

    private static void Refill()
    {
        if (Interlocked.CompareExchange(ref _refilling, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                while (Ready.Count < Target)
                {
                    Ready.Enqueue(RSA.Create(2048));
                }
            }
            finally
            {
                Volatile.Write(ref _refilling, 0);
            }
        });
    }
}

/// <summary>
/// A project's signing keys. The newest signs; older ones stay in the JWKS until removed, so clients
/// can test how they cache and refresh keys across a rotation.
/// </summary>
internal sealed class SigningKeys
{
    private readonly Lock _gate = new();
    private readonly Func<string> _newKid;
    private readonly TimeProvider _clock;
    // Drawn now although the key itself is made on first use, so a seeded project's other ids do not depend on
    // whether a JWT was minted before them.
    private readonly string _firstKid;
    private List<SigningKey> _keys = [];

    public SigningKeys(Func<string> newKid, TimeProvider clock)
    {
        _newKid = newKid;
        _clock = clock;
        _firstKid = newKid();
    }

    /// <summary>The key new JWTs are signed with; made on first use, since RSA generation costs milliseconds.</summary>
    public SigningKey Current
    {
        get
        {
            lock (_gate)
            {
                if (_keys.Count == 0)
                {
                    _keys = [SigningKey.Create(_firstKid, _clock.GetUtcNow())];
                }

                return _keys[^1];
            }
        }
    }

    /// <summary>Every key still published, oldest first.</summary>
    public IReadOnlyList<SigningKey> All
    {
        get
        {
            _ = Current;
            lock (_gate) { return _keys.ToArray(); }
        }
    }

    /// <summary>Adds a new signing key; the old ones stay published.</summary>
    public SigningKey Rotate()
    {
        // The first key is made lazily: make it now, so a rotation always leaves an old key and a new one.
        _ = Current;
        var key = SigningKey.Create(_newKid(), _clock.GetUtcNow());
        lock (_gate)
        {
            _keys = [.. _keys, key];
        }

        return key;
    }

    /// <summary>Every key as (kid, PKCS#8 PEM private key), oldest first, for a snapshot.</summary>
    public IReadOnlyList<(string Kid, string PrivateKeyPem)> Export() =>
        All.Select(k => (k.Kid, k.Rsa.ExportPkcs8PrivateKeyPem())).ToArray();

    /// <summary>Builds keys from (kid, PEM) pairs; throws on a malformed key without touching the current ones.</summary>
    public IReadOnlyList<SigningKey> Parse(IReadOnlyList<(string Kid, string PrivateKeyPem)> keys)
    {
        var now = _clock.GetUtcNow();
        return keys.Select(k =>
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(k.PrivateKeyPem);
            var request = new CertificateRequest($"CN={k.Kid}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return new SigningKey(k.Kid, rsa, request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10)));
        }).ToArray();
    }

    /// <summary>Publishes exactly these keys (the last one signs); an empty list keeps the current keys.</summary>
    public void Replace(IReadOnlyList<SigningKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _keys = [.. keys];
        }
    }

    /// <summary>Stops publishing every key but the current one.</summary>
    public void RemoveOld()
    {
        lock (_gate)
        {
            if (_keys.Count > 1)
            {
                _keys = [_keys[^1]];
            }
        }
    }
}
