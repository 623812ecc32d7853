using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.B2B.EmailOtp;

namespace Stytch.Fake.Tests.Products.B2B;

/// <summary>The B2B products' engine alone, over a project store of its own on a fake clock: typed commands in, typed results or a <see cref="StytchException"/> out.</summary>
public abstract class B2BEngineTest
{
    private protected const string ProjectId = "project-test-00000000-0000-4000-8000-000000000002";
    private protected static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private protected static readonly LoginOrSignupOptions Defaults = new();

    private protected FakeTimeProvider Time { get; private set; } = null!;
    private protected B2BProducts B2B { get; private set; } = null!;

    [SetUp]
    public void CreateB2B()
    {
        Time = new FakeTimeProvider(Start);
        B2B = NewState();
    }

    private protected B2BProducts NewState(int? seed = null) =>
        new(new ProjectStore(new ProjectSettings(ProjectId, Live: false, seed), new StytchClock(Time)));

    private protected static StytchError ErrorOf(TestDelegate action) => Assert.Throws<StytchException>(action)!.Error;

    /// <summary>An organization <c>acme</c> that JIT provisions members of <paramref name="domains"/> (<c>acme.io</c> when none).</summary>
    private protected StytchOrganization Jit(string slug = "acme", params string[] domains) => B2B.Organizations.Create(new OrganizationFields
    {
        OrganizationName = "Acme",
        OrganizationSlug = slug,
        EmailJitProvisioning = "RESTRICTED",
        EmailAllowedDomains = domains.Length == 0 ? ["acme.io"] : domains,
    });

    private protected string CodeFor(string email) => B2B.Outbox.LatestFor(email).Code;

    private protected B2BOtpAuthenticated Authenticate(string org, string email, string code, int? minutes = null) =>
        B2B.EmailOtp.Authenticate(new B2BOtpAuthenticateCommand { OrganizationId = org, EmailAddress = email, Code = code, SessionDurationMinutes = minutes });
}
