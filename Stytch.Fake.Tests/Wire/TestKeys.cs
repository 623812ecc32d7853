using System.Collections.Concurrent;
using System.Security.Cryptography;
using Stytch.Fake.Tokens;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The RSA keys of one fake started by a test base: its n-th key is a copy of the run's n-th key, made once per
/// test run. A fake's keys differ from each other as fresh ones do, while a run of thousands of fakes pays for a
/// few 2048-bit generations instead of one per test that signs a JWT, and no fixture waits in line behind another's
/// keys at the process-wide generator. Fakes a test starts itself keep that generator.
/// </summary>
internal sealed class TestKeys : IDisposable
{
    private static readonly ConcurrentDictionary<int, Lazy<RSAParameters>> RunKeys = new();

    private int _taken;

    public TestKeys()
    {
        Generator = new RsaKeyGenerator(workers: 1, readyTarget: 0, RsaKeyGenerator.DefaultMaxWaitingRotations, Create);
    }

    public RsaKeyGenerator Generator { get; }

    public void Dispose() => Generator.Dispose();

    private RSA Create()
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        var parameters = RunKeys.GetOrAdd(index, _ => new Lazy<RSAParameters>(() =>
        {
            using var made = RSA.Create(2048);
            return made.ExportParameters(includePrivateParameters: true);
        })).Value;
        var rsa = RSA.Create();
        rsa.ImportParameters(parameters);
        return rsa;
    }
}
