using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Stytch.Sample.Web.Tests;

public sealed class StartupTests
{
    [Test]
    public void Start_WithoutStytchCredentials_FailsWithAClearMessage()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Stytch:ProjectId"] = "",
                ["Stytch:Secret"] = "",
            })));

        Assert.That(() => app.CreateClient(), Throws.InstanceOf<OptionsValidationException>()
            .With.Message.Contains("Stytch:ProjectId and Stytch:Secret"));
    }
}
