// A user's fixture, in a user's namespace: inside StytchFakeTest the Stytch property hides the Stytch namespace, so
// each public type must be reachable by its bare name with `using Stytch.Fake;` alone. This file compiling is the test;
// the tests below make sure the list it compiles is the whole public surface.
using Stytch.Fake;
using Stytch.Fake.NUnit;

namespace Acme.IntegrationTests;

public sealed class UnqualifiedPublicTypesTests : StytchFakeTest
{
    /// <summary>Every public type of Stytch.Fake, named as a user's test would name it.</summary>
    private static readonly Type[] Library =
    [
        typeof(StytchFake), typeof(StytchFakeOptions), typeof(StytchFakeLimits), typeof(StytchFakeProject), typeof(StytchProjectOptions),
        typeof(StytchClock), typeof(StytchError), typeof(StytchException), typeof(DiagnosticReport),
        typeof(Outbox), typeof(OutboxMessage), typeof(DeliveryChannel), typeof(MessageKind),
        typeof(RequestLog), typeof(RecordedRequest), typeof(RequestAttributes),
        typeof(ProjectUsers), typeof(ProjectSessions), typeof(ProjectB2B), typeof(ProjectOrganizations), typeof(ProjectMembers), typeof(ProjectMemberSessions),
        typeof(StytchUser), typeof(StytchUserEmail), typeof(StytchUserPhone), typeof(StytchUserName), typeof(StytchSession), typeof(MintedSession),
        typeof(StytchOrganization), typeof(OrganizationFields), typeof(EmailImplicitRoleAssignment),
        typeof(StytchMember), typeof(RetiredEmail), typeof(MemberSession), typeof(MintedMemberSession),
        typeof(AuthenticationFactor), typeof(FactorKind), typeof(FactorEmail), typeof(FactorPhone),
        typeof(FaultRules), typeof(FaultRuleBuilder), typeof(FaultRule), typeof(FaultAction), typeof(RateLimiter), typeof(RateLimit),
        typeof(StytchSeeder), typeof(OrganizationSeed), typeof(SeededOrganization),
        typeof(StytchEndpoints), typeof(StytchEndpoints.Consumer), typeof(StytchEndpoints.B2B),
        typeof(RedirectUrl), typeof(RedirectUrlType), typeof(ProjectRedirectUrls),
        typeof(ProjectM2M), typeof(StytchM2MClient), typeof(M2MClientWithSecret), typeof(M2MClientFields), typeof(StytchEndpoints.M2M),
        typeof(ProjectRbac), typeof(RbacPolicy), typeof(RbacRole), typeof(RbacPermission), typeof(RbacResource), typeof(RbacScope),
        typeof(PasswordPolicy), typeof(PasswordStrategy), typeof(ProjectPasswords),
        typeof(ProjectTotps),
        typeof(ProjectOrigins),
    ];

    /// <summary>Every public type of Stytch.Fake.NUnit.</summary>
    private static readonly Type[] NUnitSupport = [typeof(StytchFakeTest), typeof(StytchFakeFixture), typeof(StytchFakeReporter)];

    [Test]
    public void PublicTypes_NamedUnqualified_AreTheWholeLibrary() =>
        Assert.That(Library, Is.EquivalentTo(typeof(StytchFake).Assembly.GetExportedTypes()));

    [Test]
    public void PublicTypes_NUnitSupportNamedUnqualified_AreTheWholePackage() =>
        Assert.That(NUnitSupport, Is.EquivalentTo(typeof(StytchFakeTest).Assembly.GetExportedTypes()));

    [Test]
    public void PublicTypes_Namespace_IsStytchFake() =>
        Assert.That(Library.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "Stytch.Fake" }));

    [Test]
    public void FaultsAndSeeding_UsedUnqualified_WorkOnTheTestsProject()
    {
        FaultRule rule = Project.Faults.Next(StytchEndpoints.Consumer.OtpEmailSend).Fail(StytchError.InvalidEmail);
        Project.RateLimits.PerEmail = new RateLimit(2, TimeSpan.FromMinutes(1));
        SeededOrganization acme = Project.Seed.Organization(o => o.Slug("acme"));

        Assert.Multiple(() =>
        {
            Assert.That(rule.Action, Is.EqualTo(FaultAction.Error));
            Assert.That(Project.RateLimits.PerEmail.Limit, Is.EqualTo(2));
            Assert.That(acme.Slug, Is.EqualTo("acme"));
        });
    }
}
