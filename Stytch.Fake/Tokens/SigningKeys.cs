using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
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

    /// <summary>Wraps a fresh key with its self-signed certificate (one RSA signature: about a millisecond).</summary>
    public static SigningKey Create(string kid, RSA rsa, DateTimeOffset now)
    {
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
/// A project's signing keys. The newest signs; older ones stay in the JWKS until removed, so clients
/// can test how they cache and refresh keys across a rotation. At most <c>maxKeys</c> are published, counting
/// rotations still waiting for their key; the RSA keys come from <see cref="RsaKeyGenerator"/>.
/// </summary>
internal sealed class SigningKeys
{
    /// <summary>Snapshot keys are RSA of this many bits at least and at most: signing with a huge key costs seconds.</summary>
    public const int MinKeyBits = 2048;
    public const int MaxKeyBits = 4096;

    private readonly Lock _gate = new();
    private readonly Func<string> _newKid;
    private readonly TimeProvider _clock;
    private readonly RsaKeyGenerator _generator;
    // Drawn now although the key itself is made on first use, so a seeded project's other ids do not depend on
    // whether a JWT was minted before them.
    private readonly string _firstKid;
    private List<SigningKey> _keys = [];
    private TaskCompletionSource<SigningKey>? _first;
    private int _pendingRotations;

    public SigningKeys(Func<string> newKid, TimeProvider clock, RsaKeyGenerator generator, int maxKeys)
    {
        _newKid = newKid;
        _clock = clock;
        _generator = generator;
        MaxKeys = maxKeys;
        _firstKid = newKid();
    }

    /// <summary>The most keys published at once.</summary>
    public int MaxKeys { get; }

    /// <summary>
    /// The key new JWTs are signed with. The first one is made on first use, since RSA generation costs
    /// milliseconds; until it exists this waits for it, so the HTTP handlers await <see cref="CurrentAsync"/> first.
    /// </summary>
    public SigningKey Current
    {
        get
        {
            lock (_gate)
            {
                if (_keys.Count > 0)
                {
                    return _keys[^1];
                }
            }

            return CurrentAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>The current key, waiting without a thread for the first one when none exists yet.</summary>
    public Task<SigningKey> CurrentAsync()
    {
        TaskCompletionSource<SigningKey> first;
        lock (_gate)
        {
            if (_keys.Count > 0)
            {
                return Task.FromResult(_keys[^1]);
            }

            if (_first is not null)
            {
                return _first.Task;
            }

            first = _first = new TaskCompletionSource<SigningKey>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _ = MakeFirstAsync(first);
        return first.Task;
    }

    private async Task MakeFirstAsync(TaskCompletionSource<SigningKey> first)
    {
        try
        {
            var key = SigningKey.Create(_firstKid, await _generator.TakeAsync(KeyDemand.FirstKey).ConfigureAwait(false), _clock.GetUtcNow());
            SigningKey current;
            lock (_gate)
            {
                // A snapshot import may have published keys meanwhile; those win.
                if (_keys.Count == 0)
                {
                    _keys = [key];
                }

                current = _keys[^1];
                _first = null;
            }

            if (current != key)
            {
                key.Dispose();
            }

            first.SetResult(current);
        }
#pragma warning disable CA1031 // Whatever failed reaches every caller waiting for the key.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_gate) { _first = null; }
            first.SetException(e);
        }
    }

    /// <summary>Every key still published, oldest first; makes the first one when none exists yet.</summary>
    public IReadOnlyList<SigningKey> All
    {
        get
        {
            _ = Current;
            lock (_gate) { return _keys.ToArray(); }
        }
    }

    /// <summary>The keys published now, oldest first, without making one: none before the first JWT or JWKS.</summary>
    public IReadOnlyList<SigningKey> Published
    {
        get { lock (_gate) { return _keys.ToArray(); } }
    }

    /// <summary>
    /// Adds a new signing key; the old ones stay published. Refused with 400 <c>too_many_signing_keys</c> at the
    /// cap and 429 <c>too_many_key_rotations</c> when too many rotations already wait for a key.
    /// </summary>
    public async Task<SigningKey> RotateAsync()
    {
        // The first key is made lazily: make it now, so a rotation always leaves an old key and a new one.
        await CurrentAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_keys.Count + _pendingRotations >= MaxKeys)
            {
                throw new StytchException(LimitErrors.TooManySigningKeys(MaxKeys));
            }

            if (_pendingRotations >= LimitErrors.MaxWaitingRotationsPerProject)
            {
                throw new StytchException(LimitErrors.TooManyProjectKeyRotations());
            }

            _pendingRotations++;
        }

        try
        {
            var rsa = await _generator.TakeAsync(KeyDemand.Rotation).ConfigureAwait(false);
            var key = SigningKey.Create(_newKid(), rsa, _clock.GetUtcNow());
            lock (_gate)
            {
                _keys = [.. _keys, key];
            }

            return key;
        }
        finally
        {
            lock (_gate) { _pendingRotations--; }
        }
    }

    /// <summary>Every key as (kid, PKCS#8 PEM private key), oldest first, for a snapshot.</summary>
    public IReadOnlyList<(string Kid, string PrivateKeyPem)> Export() =>
        All.Select(k => (k.Kid, k.Rsa.ExportPkcs8PrivateKeyPem())).ToArray();

    /// <summary>
    /// Builds keys from (kid, PEM) pairs; throws on a malformed key, too many keys or a key outside
    /// <see cref="MinKeyBits"/>..<see cref="MaxKeyBits"/>, without touching the current ones.
    /// </summary>
    public IReadOnlyList<SigningKey> Parse(IReadOnlyList<(string Kid, string PrivateKeyPem)> keys)
    {
        // Checked before any key is read: each one costs an RSA signature for its certificate.
        if (keys.Count > MaxKeys)
        {
            throw new StytchException(LimitErrors.TooManySigningKeys(MaxKeys));
        }

        var now = _clock.GetUtcNow();
        var parsed = new List<SigningKey>(keys.Count);
        try
        {
            foreach (var (kid, pem) in keys)
            {
                var rsa = RSA.Create();
                try
                {
                    rsa.ImportFromPem(pem);
                    if (rsa.KeySize is < MinKeyBits or > MaxKeyBits)
                    {
                        throw new ArgumentException($"Signing key '{kid}' is {rsa.KeySize}-bit RSA; keys must be {MinKeyBits} to {MaxKeyBits} bits.");
                    }

                    parsed.Add(SigningKey.Create(kid, rsa, now));
                }
                catch
                {
                    rsa.Dispose();
                    throw;
                }
            }
        }
        catch
        {
            parsed.ForEach(k => k.Dispose());
            throw;
        }

        return parsed;
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
