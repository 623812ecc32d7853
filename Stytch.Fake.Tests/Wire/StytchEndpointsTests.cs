using System.Reflection;
using Stytch.Fake.Http;

namespace Stytch.Fake.Tests.Wire;

/// <summary><see cref="StytchEndpoints"/> against the product catalog: a new endpoint without its constant fails here.</summary>
public sealed class StytchEndpointsTests
{
    private static string[] Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Test]
    public void Constants_ConsumerAndB2B_AreExactlyTheEndpointsFaultRulesAccept()
    {
        var constants = Constants(typeof(StytchEndpoints.Consumer)).Concat(Constants(typeof(StytchEndpoints.B2B))).Concat(Constants(typeof(StytchEndpoints.M2M)));

        Assert.That(constants, Is.EquivalentTo(ProductCatalog.StytchEndpointNames));
    }

    [Test]
    public void Constants_Nesting_FollowsTheApi()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Constants(typeof(StytchEndpoints.B2B)), Has.All.StartsWith("b2b."));
            Assert.That(Constants(typeof(StytchEndpoints.Consumer)), Has.None.StartsWith("b2b."));
            Assert.That(Constants(typeof(StytchEndpoints)), Is.EqualTo(new[] { "*" }));
            Assert.That(Constants(typeof(StytchEndpoints.M2M)), Has.All.StartsWith("m2m."));
            Assert.That(typeof(StytchEndpoints).GetNestedTypes(), Is.EquivalentTo(new[] { typeof(StytchEndpoints.Consumer), typeof(StytchEndpoints.B2B), typeof(StytchEndpoints.M2M) }));
        });
    }
}
