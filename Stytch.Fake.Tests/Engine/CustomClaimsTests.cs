using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The custom claims rules alone: Stytch's merge semantics, the refused names and the size limit.</summary>
public sealed class CustomClaimsTests
{
    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static StytchError ErrorOf(TestDelegate action) => Assert.Throws<StytchException>(action)!.Error;

    [Test]
    public void Merge_NewKeys_AreAdded()
    {
        var merged = CustomClaims.Merge(CustomClaims.None, Map(("key_1", 1.0), ("key_2", 2.0)));

        Assert.That(merged, Is.EquivalentTo(Map(("key_1", 1.0), ("key_2", 2.0))));
    }

    [Test]
    public void Merge_LaterValue_OverwritesTheKeyAndKeepsTheRest()
    {
        var merged = CustomClaims.Merge(Map(("key_1", 1.0), ("key_2", 2.0)), Map(("key_1", 9.0)));

        Assert.That(merged, Is.EquivalentTo(Map(("key_1", 9.0), ("key_2", 2.0))));
    }

    [Test]
    public void Merge_NullValue_DeletesTheKey()
    {
        var merged = CustomClaims.Merge(Map(("key_1", 1.0), ("key_2", 2.0)), Map(("key_1", null)));

        Assert.That(merged, Is.EquivalentTo(Map(("key_2", 2.0))));
    }

    [Test]
    public void Merge_NestedMap_MergesKeyByKeyAndNullDeletesANestedKey()
    {
        var current = Map(("c", 3.5), ("e", Map(("nested1", "val1"), ("nested2", "val2"))));

        var merged = CustomClaims.Merge(current, Map(("e", Map(("nested1", null), ("nested3", "val3")))));

        Assert.That(merged["c"], Is.EqualTo(3.5));
        Assert.That((IReadOnlyDictionary<string, object?>)merged["e"]!, Is.EquivalentTo(Map(("nested2", "val2"), ("nested3", "val3"))));
    }

    [Test]
    public void Merge_NewMapHoldingNull_StoresTheMapWithoutThatKey()
    {
        var merged = CustomClaims.Merge(CustomClaims.None, Map(("e", Map(("a", 1.0), ("b", null)))));

        Assert.That((IReadOnlyDictionary<string, object?>)merged["e"]!, Is.EquivalentTo(Map(("a", 1.0))));
    }

    [Test]
    public void Merge_List_ReplacesTheListWhole()
    {
        var merged = CustomClaims.Merge(Map(("tags", new object?[] { "a", "b" })), Map(("tags", new object?[] { "c" })));

        Assert.That(merged["tags"], Is.EqualTo(new object?[] { "c" }));
    }

    [Test]
    public void Merge_ScalarOverMap_ReplacesTheMap()
    {
        var merged = CustomClaims.Merge(Map(("e", Map(("a", 1.0)))), Map(("e", "flat")));

        Assert.That(merged["e"], Is.EqualTo("flat"));
    }

    [Test]
    public void Merge_NoUpdate_ReturnsTheCurrentClaims()
    {
        var current = Map(("a", true));

        Assert.That(CustomClaims.Merge(current, null), Is.SameAs(current));
    }

    [Test]
    public void Merge_Update_ChangesNeitherArgument()
    {
        var current = Map(("a", 1.0), ("e", Map(("x", 1.0))));
        var update = Map(("a", null), ("e", Map(("y", 2.0))));

        CustomClaims.Merge(current, update);

        Assert.That(current.Keys, Is.EquivalentTo(new[] { "a", "e" }));
        Assert.That(((IReadOnlyDictionary<string, object?>)current["e"]!).Keys, Is.EquivalentTo(new[] { "x" }));
        Assert.That(update["a"], Is.Null);
    }

    [TestCase("iss")]
    [TestCase("sub")]
    [TestCase("aud")]
    [TestCase("exp")]
    [TestCase("nbf")]
    [TestCase("iat")]
    [TestCase("jti")]
    public void Merge_ReservedClaim_ThrowsReservedClaimsInCustomClaims(string name) =>
        Assert.That(ErrorOf(() => CustomClaims.Merge(CustomClaims.None, Map((name, "x")))), Is.EqualTo(StytchError.ReservedClaimsInCustomClaims));

    [Test]
    public void Merge_ReservedClaimDeletedWithNull_IsStillRefused() =>
        Assert.That(ErrorOf(() => CustomClaims.Merge(CustomClaims.None, Map(("sub", null)))), Is.EqualTo(StytchError.ReservedClaimsInCustomClaims));

    [TestCase("https://stytch.com/session")]
    [TestCase("https://stytch.com/organization")]
    [TestCase("https://stytch.com/anything")]
    public void Merge_StytchClaim_ThrowsStytchClaimsInCustomClaims(string name) =>
        Assert.That(ErrorOf(() => CustomClaims.Merge(CustomClaims.None, Map((name, "x")))), Is.EqualTo(StytchError.StytchClaimsInCustomClaims));

    [Test]
    public void Merge_ReservedNameInsideAMap_IsAnOrdinaryKey()
    {
        var merged = CustomClaims.Merge(CustomClaims.None, Map(("profile", Map(("sub", "inner"), ("https://stytch.com/x", 1.0)))));

        Assert.That(((IReadOnlyDictionary<string, object?>)merged["profile"]!).Keys, Is.EquivalentTo(new[] { "sub", "https://stytch.com/x" }));
    }

    [Test]
    public void Merge_ResultOfExactly4096Bytes_IsKept()
    {
        // {"k":"…"} is 8 bytes around the value.
        var merged = CustomClaims.Merge(CustomClaims.None, Map(("k", new string('a', CustomClaims.MaxBytes - 8))));

        Assert.That(CustomClaims.SizeOf(merged), Is.EqualTo(4096));
    }

    [Test]
    public void Merge_ResultOver4096Bytes_ThrowsCustomClaimsTooLarge() =>
        Assert.That(ErrorOf(() => CustomClaims.Merge(CustomClaims.None, Map(("k", new string('a', CustomClaims.MaxBytes - 7))))),
            Is.EqualTo(StytchError.CustomClaimsTooLarge));

    [Test]
    public void Merge_SmallUpdateOverLargeCurrentClaims_ThrowsCustomClaimsTooLarge()
    {
        var current = CustomClaims.Merge(CustomClaims.None, Map(("k", new string('a', 4000))));

        Assert.That(ErrorOf(() => CustomClaims.Merge(current, Map(("more", new string('b', 100))))), Is.EqualTo(StytchError.CustomClaimsTooLarge));
    }

    [Test]
    public void Merge_DeletingKeysOfLargeClaims_BringsThemUnderTheLimit()
    {
        var current = CustomClaims.Merge(CustomClaims.None, Map(("k", new string('a', 4000))));

        var merged = CustomClaims.Merge(current, Map(("k", null), ("more", new string('b', 100))));

        Assert.That(merged.Keys, Is.EqualTo(new[] { "more" }));
    }

    [Test]
    public void SizeOf_EachKindOfValue_IsItsCompactJsonLength()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CustomClaims.SizeOf(null), Is.EqualTo("null".Length));
            Assert.That(CustomClaims.SizeOf(false), Is.EqualTo("false".Length));
            Assert.That(CustomClaims.SizeOf(3.5), Is.EqualTo("3.5".Length));
            Assert.That(CustomClaims.SizeOf("a\"é\n\u0001"), Is.EqualTo("\"a\\\"\u00e9\\n\\u0001\"".Length + 1), "é is two UTF-8 bytes");
            Assert.That(CustomClaims.SizeOf(new object?[] { 1.0, "x", null }), Is.EqualTo("[1,\"x\",null]".Length));
            Assert.That(CustomClaims.SizeOf(Map(("a", 1.0), ("b", Map()))), Is.EqualTo("{\"a\":1,\"b\":{}}".Length));
        }
    }

    [Test]
    public void IsAcceptable_ClaimsASessionCanHold_IsTrueAndReservedOrUnknownValuesAreNot()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(CustomClaims.IsAcceptable(Map(("plan", "pro"), ("n", 1.0))), Is.True);
            Assert.That(CustomClaims.IsAcceptable(Map(("iss", "x"))), Is.False);
            Assert.That(CustomClaims.IsAcceptable(Map(("when", DateTimeOffset.UnixEpoch))), Is.False);
            Assert.That(CustomClaims.IsAcceptable(null), Is.False);
        }
    }
}
