using System.Security.Cryptography;
using Stytch.Fake.Tokens;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// A key generator for one fake whose single worker can be held: while <see cref="Close"/>d, the worker stops inside
/// key generation, as a busy generator would, so tests can see who waits on it and who does not. Its keys are copies
/// of one key made once, so tests pay for RSA generation only once.
/// </summary>
internal sealed class GatedKeyGenerator : IDisposable
{
    private static readonly Lazy<RSAParameters> Template = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(includePrivateParameters: true);
    });

    private readonly SemaphoreSlim _permits = new(0);
    private volatile bool _open = true;
    private int _made;

    public GatedKeyGenerator(int maxWaitingRotations = RsaKeyGenerator.DefaultMaxWaitingRotations)
    {
        Generator = new RsaKeyGenerator(workers: 1, readyTarget: 0, maxWaitingRotations, Create);
    }

    public RsaKeyGenerator Generator { get; }

    /// <summary>Keys made so far.</summary>
    public int Made => Volatile.Read(ref _made);

    /// <summary>From now on the worker stops inside the next key until <see cref="Allow"/> or <see cref="Open"/>.</summary>
    public void Close() => _open = false;

    /// <summary>Lets <paramref name="keys"/> more keys through a closed gate.</summary>
    public void Allow(int keys) => _permits.Release(keys);

    /// <summary>Lets every key through again.</summary>
    public void Open()
    {
        _open = true;
        _permits.Release();
    }

    /// <summary>Waits until <paramref name="count"/> requests wait for a key (a failure after 30 s, not a hang).</summary>
    public async Task WaitUntilWaitingAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Generator.Waiting < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public void Dispose()
    {
        Open();
        Generator.Dispose();
    }

    private RSA Create()
    {
        if (!_open && !_permits.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The test never let the key through.");
        }

        var rsa = RSA.Create();
        rsa.ImportParameters(Template.Value);
        Interlocked.Increment(ref _made);
        return rsa;
    }
}
