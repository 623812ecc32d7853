using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stytch.Sample.Web.Stytch;

namespace Stytch.Sample.Web.Tests;

public sealed class StartupTests
{
    // The app's own registrations, validated the way the host validates them at start (ValidateOnStart runs the
    // IStartupValidator). Not through WebApplicationFactory: when a minimal-API app throws during start, the factory's
    // deferred host can read the already disposed service provider and report ObjectDisposedException instead
    // (dotnet/aspnetcore#33494, #38335), which made this test fail now and then on a loaded machine.
    [Test]
    public void Start_WithoutStytchCredentials_FailsWithAClearMessage()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stytch:BaseUrl"] = "http://127.0.0.1:4010/",
            ["Stytch:ProjectId"] = "",
            ["Stytch:Secret"] = "",
        }).Build());
        services.AddStytchOptions();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate(), Throws.InstanceOf<OptionsValidationException>()
            .With.Message.Contains("Stytch:ProjectId and Stytch:Secret"));
    }

    [Test]
    public void Start_WithCompleteStytchSection_PassesStartupValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stytch:BaseUrl"] = "http://127.0.0.1:4010/",
            ["Stytch:ProjectId"] = "project-test-00000000-0000-0000-0000-000000000000",
            ["Stytch:Secret"] = "secret",
        }).Build());
        services.AddStytchOptions();
        using var provider = services.BuildServiceProvider();

        Assert.That(() => provider.GetRequiredService<IStartupValidator>().Validate(), Throws.Nothing);
    }
}
