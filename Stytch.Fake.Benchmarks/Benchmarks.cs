using BenchmarkDotNet.Attributes;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Benchmarks;

/// <summary>One consumer login over loopback: the fake against a static stub of the same bytes.</summary>
[MemoryDiagnoser]
public class RoundTripBenchmarks
{
    private Loopback _loopback = null!;
    private int _n;

    [GlobalSetup]
    public async Task SetUpAsync() => _loopback = await Loopback.StartAsync();

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _loopback.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task StaticStub() => _loopback.StubRoundTripAsync($"u{_n++ % 10_000}@example.com");

    [Benchmark]
    public Task Fake() => _loopback.FakeRoundTripAsync($"u{_n++ % 10_000}@example.com");
}

/// <summary>The state machine alone, without HTTP, to show where time goes.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private ConsumerProducts _state = null!;
    private string _userId = "";
    private int _n;

    [GlobalSetup]
    public void SetUp()
    {
        _state = EngineRunner.NewState();
        _userId = _state.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions()).UserId;
    }

    [Benchmark]
    public object LoginOrCreate() => _state.EmailOtp.LoginOrCreate($"u{_n++ % 10_000}@example.com", new EmailOtpOptions());

    [Benchmark]
    public object LoginOrCreateAndAuthenticate() => EngineRunner.Login(_state, $"v{_n++ % 10_000}@example.com");

    [Benchmark]
    public StytchUser GetUser() => _state.Users.Get(_userId);
}

/// <summary>Helpers shared by the BenchmarkDotNet classes and the quick table.</summary>
public static class EngineRunner
{
    internal static ConsumerProducts NewState() =>
        new(new ProjectStore(new ProjectSettings("project-test-00000000-0000-4000-8000-000000000000", Live: false, Seed: 1)));

    internal static OtpAuthenticated Login(ConsumerProducts state, string email)
    {
        var sent = state.EmailOtp.LoginOrCreate(email, new EmailOtpOptions());
        var code = state.Outbox.FindLatestFor(email)!.Code;
        return state.EmailOtp.Authenticate(new OtpAuthenticateCommand { MethodId = sent.EmailId, Code = code });
    }
}
