using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Discovery;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Tests.Products.B2B.Discovery;

/// <summary>B2B discovery in the engine: codes for any address, the intermediate session they give, and the organizations found.</summary>
public sealed class DiscoveryServiceTests : B2BEngineTest
{
    [Test]
    public void SendOtp_BadExpiration_ThrowsAndSendsNothing()
    {
        Assert.That(ErrorOf(() => B2B.Discovery.SendOtp(new DiscoveryOtpSendCommand { EmailAddress = "ada@acme.io", DiscoveryExpirationMinutes = 16 })),
            Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(B2B.Outbox.All, Is.Empty);
    }

    [Test]
    public void AuthenticateOtp_WrongCode_ThrowsAndLeavesTheCodeUsable()
    {
        B2B.Discovery.SendOtp(new DiscoveryOtpSendCommand { EmailAddress = "ada@acme.io" });
        var code = CodeFor("ada@acme.io");

        Assert.That(ErrorOf(() => B2B.Discovery.AuthenticateOtp("ada@acme.io", code == "000001" ? "000002" : "000001")), Is.EqualTo(StytchError.OtpCodeNotFound));
        Assert.That(B2B.Store.Transact(() => B2B.Store.Part<IntermediateSessionTable>().All), Is.Empty);
        Assert.That(B2B.Discovery.AuthenticateOtp("ada@acme.io", code).EmailAddress, Is.EqualTo("ada@acme.io"));
    }

    [Test]
    public void AuthenticateOtp_Code_IssuesAnUnboundIntermediateSessionWithAnEmailOtpFactor()
    {
        B2B.Discovery.SendOtp(new DiscoveryOtpSendCommand { EmailAddress = "ada@acme.io" });

        var session = B2B.Discovery.AuthenticateOtp("ada@acme.io", CodeFor("ada@acme.io")).Session;

        Assert.Multiple(() =>
        {
            Assert.That(session.OrganizationId, Is.Null);
            Assert.That(session.MemberId, Is.Null);
            Assert.That(session.EmailAddress, Is.EqualTo("ada@acme.io"));
            Assert.That(session.Factors.Single().Kind, Is.EqualTo(FactorKind.EmailOtp));
            Assert.That(session.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
        });
    }

    [Test]
    public void List_TwoArguments_ThrowsTooManySessionArgumentsBeforeLookingThemUp() =>
        Assert.That(ErrorOf(() => B2B.Discovery.List("no-such-intermediate-session", "no-such-session", null)), Is.EqualTo(StytchError.TooManySessionArguments));

    [Test]
    public void IsJoinableByDomain_DomainClaimedByAnotherOrganization_IsFalse()
    {
        var joinable = Jit("joinable");
        B2B.Members.Create("joinable", new MemberFields { EmailAddress = "boss@acme.io" });
        B2B.Store.Transact(() => B2B.Members.Verify(B2B.Members.Table.All.Single(), Start));
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Owner", OrganizationSlug = "owner", ClaimedEmailDomains = ["acme.io"] });

        Assert.That(B2B.Store.Transact(() => B2B.Discovery.IsJoinableByDomain(joinable, "ada@acme.io")), Is.False);
    }
}
