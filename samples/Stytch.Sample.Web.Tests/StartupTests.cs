using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stytch.Sample.Web.Stytch;

namespace Stytch.Sample.Web.Tests;

// The app's own registrations, validated the way the host validates them at start (ValidateOnStart runs the
// IStartupValidator). Not through WebApplicationFactory: when a minimal-API app throws during start, the factory's
// deferred host can read the already disposed service provider and report ObjectDisposedException instead
// (dotnet/aspnetcore#33494, #38335), which made such a test fail now and then on a loaded machine.
public sealed class StartupTests
{
    [Test]
    public void Start_WithoutStytchCredentials_FailsWithAClearMessage()
    {
        using var services = StytchServicesWith(projectId: "", secret: "");

        Assert.That(() => services.GetRequiredService<IStartupValidator>().Validate(), Throws.InstanceOf<OptionsValidationException>()
            .With.Message.Contains("Stytch:ProjectId and Stytch:Secret"));
    }

    [Test]
    public void Start_WithCompleteStytchSection_PassesStartupValidation()
    {
        using var services = StytchServicesWith(projectId: "project-test-00000000-0000-0000-0000-000000000000", secret: "secret");

        Assert.That(() => services.GetRequiredService<IStartupValidator>().Validate(), Throws.Nothing);
    }

    private static ServiceProvider StytchServicesWith(string projectId, string secret)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stytch:BaseUrl"] = "http://127.0.0.1:4010/",
            ["Stytch:ProjectId"] = projectId,
            ["Stytch:Secret"] = secret,
        }).Build());
        services.AddStytchOptions();
        return services.BuildServiceProvider();
    }
}
