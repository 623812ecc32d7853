using Stytch.Fake.Core;
using Stytch.Fake.Products.M2M;

namespace Stytch.Fake.Tests.Products.M2M;

/// <summary>The M2M engine alone, over a store of its own: validation first, nothing changed by a refused call, and the grant's rules.</summary>
public sealed class M2MClientServiceTests
{
    private M2MClientService _clients = null!;

    [SetUp]
    public void CreateService() =>
        _clients = new M2MClientService(new ProjectStore(new ProjectSettings("project-test-00000000-0000-4000-8000-000000000003", Live: false, Seed: 7)));

    private static StytchError ErrorOf(TestDelegate action) => Assert.Throws<StytchException>(action)!.Error;

    private M2MClientWithSecret Create(params string[] scopes) => _clients.Create(new M2MClientFields { Scopes = scopes });

    private M2MGrant Grant(M2MClientWithSecret client, string? scope = null, string? secret = null, string? grantType = M2MClientService.ClientCredentials) =>
        _clients.Grant(new M2MTokenRequest(client.Client.ClientId, secret ?? client.Secret, grantType, scope));

    [Test]
    public void Create_Scopes_KeepsThemDistinctInOrder()
    {
        var created = Create("b", "a", "b");

        Assert.That(created.Client.Scopes, Is.EqualTo(new[] { "b", "a" }));
    }

    [Test]
    public void Create_DuplicateId_ChangesNothing()
    {
        _clients.Create(new M2MClientFields { Scopes = [], ClientId = "svc", ClientName = "first" });

        var error = ErrorOf(() => _clients.Create(new M2MClientFields { Scopes = [], ClientId = "svc", ClientName = "second" }));

        Assert.That(error, Is.SameAs(StytchError.DuplicateM2MClientId));
        Assert.That(_clients.List().Single().ClientName, Is.EqualTo("first"));
    }

    [Test]
    public void Update_BadScope_ChangesNothing()
    {
        var created = Create("a");

        var error = ErrorOf(() => _clients.Update(created.Client.ClientId, new M2MClientFields { ClientName = "x", Scopes = ["has space"] }));

        Assert.That(error, Is.SameAs(StytchError.InvalidM2MClientScope));
        Assert.That(_clients.Get(created.Client.ClientId), Is.EqualTo(created.Client));
    }

    [Test]
    public void Store_KeepsOnlyTheHashOfTheSecret()
    {
        var created = Create("a");

        var row = _clients.Table.ById(created.Client.ClientId)!;

        Assert.That(row.SecretHash, Is.EqualTo(M2MSecrets.Hash(created.Secret)).And.Not.Contain(created.Secret));
        Assert.That(M2MSecrets.IsHash(row.SecretHash), Is.True);
    }

    [Test]
    public void Grant_NoScope_GrantsAllTheClientsScopes()
    {
        var created = Create("read", "write");

        Assert.That(Grant(created).Scopes, Is.EqualTo(new[] { "read", "write" }));
    }

    [Test]
    public void Grant_ScopeWithExtraSpaces_GrantsTheNamedScopes()
    {
        var created = Create("read", "write");

        Assert.That(Grant(created, scope: "  write   ").Scopes, Is.EqualTo(new[] { "write" }));
    }

    [TestCase(null, "invalid_request")]
    [TestCase("", "invalid_request")]
    [TestCase("authorization_code", "unsupported_grant_type")]
    public void Grant_BadGrantType_AnswersItsOAuthError(string? grantType, string error)
    {
        var created = Create("read");

        Assert.That(ErrorOf(() => Grant(created, grantType: grantType)).ErrorType, Is.EqualTo(error));
    }

    [Test]
    public void Grant_BadSecretBeforeBadGrantType_AnswersInvalidClient()
    {
        var created = Create("read");

        Assert.That(ErrorOf(() => Grant(created, secret: "nope", grantType: "password")), Is.SameAs(StytchError.OAuthInvalidClient));
    }

    [Test]
    public void Grant_AfterCompletedRotation_TakesOnlyTheNewSecret()
    {
        var created = Create("read");
        var next = _clients.StartRotation(created.Client.ClientId);

        _clients.CompleteRotation(created.Client.ClientId);

        Assert.That(Grant(created, secret: next.Secret).ClientId, Is.EqualTo(created.Client.ClientId));
        Assert.That(ErrorOf(() => Grant(created)), Is.SameAs(StytchError.OAuthInvalidClient));
    }

    [Test]
    public void Check_SnapshotRowsWithAPlainSecret_Throws()
    {
        var created = Create("read");
        var row = _clients.Table.ById(created.Client.ClientId)! with { SecretHash = created.Secret };

        Assert.Throws<ArgumentException>(() => M2MClientService.Check([row]));
    }
}
