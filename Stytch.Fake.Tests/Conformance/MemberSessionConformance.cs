namespace Stytch.Fake.Tests.Conformance;

/// <summary>The B2B member session exchange and list operations' variants for <see cref="SpecConformanceTests"/>.</summary>
internal static class MemberSessionConformance
{
    private const string Exchange = "/v1/b2b/sessions/exchange";
    private const string List = "/v1/b2b/sessions";
    private const string Phone = "+14155550123";

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("B2BSessionsExchange_MemberSession", "POST", Exchange, r =>
        {
            var token = AlphaSessionToken(r);
            r.Project.Seed.Organization(o => o.Slug("beta")).WithMember("ada@acme.io");
            return r.Client.PostAsync(Exchange, new { organization_id = "beta", session_token = token, session_duration_minutes = 120, session_custom_claims = new { tier = "gold" }, locale = "en" });
        }),
        new("B2BSessionsExchange_MfaRequired", "POST", Exchange, r =>
        {
            var token = AlphaSessionToken(r);
            r.Project.Seed.Organization(o => o.Slug("beta").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithSmsMfaMember("ada@acme.io", Phone);
            return r.Client.PostAsync(Exchange, new { organization_id = "beta", session_token = token });
        }),
        new("B2BSessionsExchange_PrimaryRequired", "POST", Exchange, r =>
        {
            var token = AlphaSessionToken(r);
            r.Project.Seed.Organization(o => o.Slug("beta").With(f => f with { AuthMethods = "RESTRICTED", AllowedAuthMethods = ["magic_link"] })).WithMember("ada@acme.io");
            return r.Client.PostAsync(Exchange, new { organization_id = "beta", session_token = token });
        }),
        new("B2BSessionsGet_TwoSessions", "GET", List, r =>
        {
            var member = r.Project.Seed.Organization(o => o.Slug("alpha")).WithMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;
            r.Project.B2B.Sessions.Mint("alpha", member);
            r.Project.B2B.Sessions.Mint("alpha", member, TimeSpan.FromDays(7));
            return r.Client.GetAsync($"{List}?organization_id=alpha&member_id={member}");
        }),
        new("B2BSessionsGet_NoSession", "GET", List, r =>
        {
            var member = r.Project.Seed.Organization(o => o.Slug("alpha")).WithMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;
            return r.Client.GetAsync($"{List}?organization_id=alpha&member_id={member}");
        }),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("B2BSessionsExchangeNoMember", 404, "member_not_found", r =>
        {
            var token = AlphaSessionToken(r);
            r.Project.Seed.Organization(o => o.Slug("beta"));
            return r.Client.PostAsync(Exchange, new { organization_id = "beta", session_token = token });
        }),
        new("B2BSessionsExchangeNoSession", 400, "no_session_arguments", r => r.Client.PostAsync(Exchange, new { organization_id = "beta" })),
        new("B2BSessionsGetUnknownMember", 404, "member_not_found", r =>
        {
            r.Project.Seed.Organization(o => o.Slug("alpha"));
            return r.Client.GetAsync($"{List}?organization_id=alpha&member_id=member-test-00000000-0000-4000-8000-000000000000");
        }),
    ];

    /// <summary>A member session of ada@acme.io in a new organization <c>alpha</c>; its token.</summary>
    private static string AlphaSessionToken(ConformanceRun r)
    {
        var member = r.Project.Seed.Organization(o => o.Slug("alpha")).WithMember("ada@acme.io").MemberFor("ada@acme.io").MemberId;
        return r.Project.B2B.Sessions.Mint("alpha", member).SessionToken;
    }
}
