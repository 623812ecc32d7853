// README:suite-setup:begin
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Stytch.Fake.NUnit;

// README:suite-setup:end
[assembly: LevelOfParallelism(8)]

namespace Stytch.Sample.Web.Tests;

// README:suite-setup:begin
[Parallelizable(ParallelScope.Children)]
public abstract class SampleAppTest : StytchFakeTest
{
    protected override bool ProjectPerTest => true;   // own project, credentials, clock and outbox per test

    // The sample app, configured as it would be for real Stytch, but pointed at this test's fake project.
    protected WebApplicationFactory<Program> StartApp()
    {
        var project = Project;
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Stytch:BaseUrl"] = Stytch.Url.ToString(),
                ["Stytch:ProjectId"] = project.ProjectId,
                ["Stytch:Secret"] = project.Secret,
                // Real Stytch answers within the app's 10 seconds; the fake may not on a loaded CI runner, where a
                // project's first JWT waits for a new RSA key: a generous bound keeps such a wait from failing a test.
                ["Stytch:TimeoutSeconds"] = "120",
            }));
            // The app checks JWT expiry on its TimeProvider: give it the project's clock, so Clock.Advance moves both.
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(project.Clock));
        });
    }
    // README:suite-setup:end

    /// <summary>A browser on a fresh instance of the app: cookies kept, redirects followed and recorded.</summary>
    protected static Browser Open(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the forms, reading the code from the fake's outbox as a person reads their email.</summary>
    protected async Task<Page> LogInAsync(Browser browser, string email)
    {
        var home = await browser.GetAsync("/");
        var codeForm = await browser.SubmitAsync(home, "/login", ("email", email));
        var code = Project.Outbox.LatestFor(email).Code;
        return await browser.SubmitAsync(codeForm, "/authenticate", ("code", code));
    }

    /// <summary>How many calls the app made to this Stytch path.</summary>
    protected int StytchCalls(string path) => Project.Requests.All.Count(r => r.Path == path);
}
