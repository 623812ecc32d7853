using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>The B2B organization endpoints over loopback HTTP: create, get, update, delete, search.</summary>
public sealed class OrganizationWireTests : B2BWireTest
{
    private const string SlugMessage = "The organization_slug must be at least 2 characters long and may only contain alphanumerics and the reserved characters '-', '.', '_', or '~'. At least one character must be alphanumeric.";

    private Task<WireResult> PutAsync(string path, string json) => Client.SendAsync(HttpMethod.Put, path, json);

    private Task<WireResult> SearchAsync(object body) => Client.PostAsync(OrganizationsPath + "/search", body);

    private static string[] Slugs(WireResult search) =>
        search.Json["organizations"]!.AsArray().Select(o => Str(o!["organization_slug"])).ToArray();

    // ---- create -----------------------------------------------------------------------------------

    [Test]
    public async Task Create_NameAndSlug_ReturnsEveryFieldWithStytchDefaults()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme Inc", organization_slug = "acme" });

        Assert.Multiple(() =>
        {
            Assert.That(Str(org["organization_id"]), Does.Match(OrganizationId()));
            Assert.That(Str(org["organization_name"]), Is.EqualTo("Acme Inc"));
            Assert.That(Str(org["organization_slug"]), Is.EqualTo("acme"));
            Assert.That(Str(org["organization_logo_url"]), Is.Empty);
            Assert.That(Str(org["sso_jit_provisioning"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Str(org["email_jit_provisioning"]), Is.EqualTo("NOT_ALLOWED"));
            Assert.That(Str(org["email_invites"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Str(org["auth_methods"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Str(org["mfa_policy"]), Is.EqualTo("OPTIONAL"));
            Assert.That(Str(org["mfa_methods"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Str(org["oauth_tenant_jit_provisioning"]), Is.EqualTo("NOT_ALLOWED"));
            Assert.That(Str(org["first_party_connected_apps_allowed_type"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Str(org["third_party_connected_apps_allowed_type"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(org["email_allowed_domains"]!.AsArray(), Is.Empty);
            Assert.That(org["allowed_auth_methods"]!.AsArray(), Is.Empty);
            Assert.That(org["custom_roles"]!.AsArray(), Is.Empty);
            Assert.That(org["trusted_metadata"]!.AsObject(), Is.Empty);
            Assert.That(org["allowed_oauth_tenants"]!.AsObject(), Is.Empty);
            Assert.That(Str(org["organization_external_id"]), Is.Empty);
            Assert.That(Str(org["sso_default_connection_id"]), Is.Empty);
            Assert.That(Str(org["scim_active_connection"]!["connection_id"]), Is.Empty);
            Assert.That(Str(org["created_at"]), Is.EqualTo("2030-01-02T03:04:05Z"));
            Assert.That(Str(org["updated_at"]), Is.EqualTo("2030-01-02T03:04:05Z"));
        });
    }

    [Test]
    public async Task Create_Response_HasOrganizationOnly()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme" });

        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "organization", "status_code")));
    }

    [Test]
    public async Task Create_WithAnAuthSetting_EmailInvitesDefaultsToNotAllowed()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", email_jit_provisioning = "RESTRICTED", email_allowed_domains = new[] { "acme.io" } });

        Assert.That(Str(org["email_invites"]), Is.EqualTo("NOT_ALLOWED"));
        Assert.That(org["email_allowed_domains"]!.AsArray().Select(d => Str(d)), Is.EqualTo(new[] { "acme.io" }));
    }

    // The spec's api_organization_v1_CreateRequest has neither SSO setting; only UpdateRequest does.
    [Test]
    public async Task Create_UpdateOnlySsoSettings_AreIgnoredAndNotApplied()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", sso_jit_provisioning_allowed_connections = new[] { "conn-1" }, sso_default_connection_id = "conn-1" });

        Assert.Multiple(() =>
        {
            Assert.That(org["sso_jit_provisioning_allowed_connections"]!.AsArray(), Is.Empty);
            Assert.That(Str(org["sso_default_connection_id"]), Is.Empty);
            Assert.That(Str(org["email_invites"]), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "sso_jit_provisioning_allowed_connections", "sso_default_connection_id" }));
        });
    }

    [Test]
    public async Task Create_WithoutSlug_DerivesAFreeSlugFromTheName()
    {
        var first = await CreateOrganizationAsync(new { organization_name = "Acme Inc" });
        var second = await CreateOrganizationAsync(new { organization_name = "Acme Inc" });

        Assert.That(Str(first["organization_slug"]), Is.EqualTo("acme-inc"));
        Assert.That(Str(second["organization_slug"]), Is.EqualTo("acme-inc-2"));
    }

    [Test]
    public async Task Create_SlugAlreadyUsed_Returns400OrganizationSlugAlreadyUsed()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme 2", organization_slug = "acme" });

        AssertError(response, 400, "organization_slug_already_used");
        Assert.That(response["error_message"], Is.EqualTo("The provided organization_slug is already used in another organization."));
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Has.Count.EqualTo(1));
    }

    [TestCase("a")]
    [TestCase("ac me")]
    [TestCase("--")]
    [TestCase("acme!")]
    [TestCase("é-acme")]
    [TestCase("acme\n")]
    public async Task Create_InvalidSlug_Returns400InvalidOrganizationSlug(string slug)
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = slug });

        AssertError(response, 400, "invalid_organization_slug");
        Assert.That(response["error_message"], Is.EqualTo(SlugMessage));
    }

    [Test]
    public async Task Create_SlugOf129Characters_Returns400InvalidOrganizationSlug()
    {
        AssertError(await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = new string('a', 129) }), 400, "invalid_organization_slug");
    }

    [TestCase("ab")]
    [TestCase("a.b_c~d-e")]
    public async Task Create_SlugWithReservedCharacters_IsAccepted(string slug)
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = slug });

        Assert.That(Str(org["organization_slug"]), Is.EqualTo(slug));
    }

    [Test]
    public async Task Create_NoName_Returns400OrganizationNameMissing()
    {
        AssertError(await Client.PostAsync(OrganizationsPath, new { organization_slug = "acme" }), 400, "organization_name_missing");
        AssertError(await Client.PostAsync(OrganizationsPath, new { organization_name = "", organization_slug = "acme" }), 400, "organization_name_missing");
    }

    [Test]
    public async Task Create_NameOf129Characters_Returns400InvalidOrganizationName()
    {
        AssertError(await Client.PostAsync(OrganizationsPath, new { organization_name = new string('n', 129), organization_slug = "acme" }), 400, "invalid_organization_name");
    }

    [Test]
    public async Task Create_RestrictedAuthMethodsWithoutAllowed_Returns400WithStytchsMessage()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme", auth_methods = "RESTRICTED" });

        AssertError(response, 400, "allowed_auth_methods_required_for_restricted");
        Assert.That(response["error_message"], Is.EqualTo("Allowed auth methods must be set for 'RESTRICTED' auth methods"));
    }

    [Test]
    public async Task Create_RestrictedMfaMethodsWithoutAllowed_Returns400AllowedMfaMethodsRequiredForRestricted()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme", mfa_methods = "RESTRICTED" });

        AssertError(response, 400, "allowed_mfa_methods_required_for_restricted");
    }

    [Test]
    public async Task Create_RestrictedAuthMethodsWithAllowed_KeepsThem()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", auth_methods = "RESTRICTED", allowed_auth_methods = new[] { "email_otp", "sso" } });

        Assert.That(Str(org["auth_methods"]), Is.EqualTo("RESTRICTED"));
        Assert.That(org["allowed_auth_methods"]!.AsArray().Select(m => Str(m)), Is.EqualTo(new[] { "email_otp", "sso" }));
    }

    [Test]
    public async Task Create_UnknownAllowedAuthMethod_Returns400InvalidOrganizationAllowedAuthMethods()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme", auth_methods = "RESTRICTED", allowed_auth_methods = new[] { "carrier_pigeon" } });

        AssertError(response, 400, "invalid_organization_allowed_auth_methods");
    }

    [TestCase("email_jit_provisioning", "ALL_ALLOWED")]
    [TestCase("sso_jit_provisioning", "SOMETIMES")]
    [TestCase("mfa_policy", "ALWAYS")]
    [TestCase("email_invites", "restricted")]
    public async Task Create_SettingOutsideItsValues_Returns400InvalidRequestValue(string field, string value)
    {
        var body = new Dictionary<string, object> { ["organization_name"] = "Acme", ["organization_slug"] = "acme", [field] = value };

        AssertError(await Client.PostAsync(OrganizationsPath, body), 400, "invalid_request_value");
    }

    [Test]
    public async Task Create_CommonEmailDomain_Returns400OrganizationSettingsDomainTooCommon()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme", email_allowed_domains = new[] { "gmail.com" } });

        AssertError(response, 400, "organization_settings_domain_too_common");
    }

    [Test]
    public async Task Create_MalformedEmailDomain_Returns400OrganizationSettingsInvalidDomain()
    {
        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme", email_allowed_domains = new[] { "not a domain" } });

        AssertError(response, 400, "organization_settings_invalid_domain");
    }

    [Test]
    public async Task Create_ExternalIdAlreadyUsed_Returns400OrganizationExternalIdAlreadyUsed()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", organization_external_id = "ext-1" });

        var response = await Client.PostAsync(OrganizationsPath, new { organization_name = "Other", organization_slug = "other", organization_external_id = "ext-1" });

        AssertError(response, 400, "organization_external_id_already_used");
    }

    [Test]
    public async Task Create_TrustedMetadata_RoundTrips()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", trusted_metadata = new { plan = "gold", seats = 12, tags = new[] { "a" } } });

        var fetched = await Client.GetAsync(OrganizationsPath + "/acme");

        Assert.That(fetched.Json["organization"]!["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"plan":"gold","seats":12,"tags":["a"]}"""));
    }

    [Test]
    public async Task Create_TrustedMetadataNotAnObject_Returns400BadRequest()
    {
        AssertError(await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", trusted_metadata = "x" }), 400, "bad_request");
    }

    // ---- get --------------------------------------------------------------------------------------

    [Test]
    public async Task Get_ByIdSlugOrExternalId_ReturnsTheSameOrganization()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", organization_external_id = "crm-7" });
        var id = Str(org["organization_id"]);

        var byId = await Client.GetAsync($"{OrganizationsPath}/{id}");
        var bySlug = await Client.GetAsync($"{OrganizationsPath}/acme");
        var byExternal = await Client.GetAsync($"{OrganizationsPath}/crm-7");

        foreach (var response in new[] { byId, bySlug, byExternal })
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(id));
        }
    }

    [Test]
    public async Task Get_Unknown_Returns404OrganizationNotFound()
    {
        AssertError(await Client.GetAsync($"{OrganizationsPath}/organization-test-00000000-0000-4000-8000-000000000000"), 404, "organization_not_found");
    }

    [Test]
    public async Task Get_OtherProjectsOrganization_Returns404OrganizationNotFound()
    {
        var other = Stytch.CreateProject();
        other.Seed.Organization(o => o.Slug("acme"));

        AssertError(await Client.GetAsync($"{OrganizationsPath}/acme"), 404, "organization_not_found");
    }

    // ---- update -----------------------------------------------------------------------------------

    [Test]
    public async Task Update_GivenFields_ChangeOnlyThoseAndMoveUpdatedAt()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", organization_logo_url = "https://acme.io/logo.png" });
        Stytch.Clock.Advance(TimeSpan.FromMinutes(5));

        var response = await PutAsync($"{OrganizationsPath}/acme", """{"organization_name":"Acme Corp","email_jit_provisioning":"RESTRICTED","email_allowed_domains":["acme.io"]}""");

        var org = response.Json["organization"]!;
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(org["organization_name"]), Is.EqualTo("Acme Corp"));
        Assert.That(Str(org["organization_logo_url"]), Is.EqualTo("https://acme.io/logo.png"));
        Assert.That(Str(org["email_jit_provisioning"]), Is.EqualTo("RESTRICTED"));
        Assert.That(Str(org["created_at"]), Is.EqualTo("2030-01-02T03:04:05Z"));
        Assert.That(Str(org["updated_at"]), Is.EqualTo("2030-01-02T03:09:05Z"));
    }

    [Test]
    public async Task Update_SlugToAnotherOrganizationsSlug_Returns400AndChangesNothing()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateOrganizationAsync(new { organization_name = "Beta", organization_slug = "beta" });

        var response = await PutAsync($"{OrganizationsPath}/beta", """{"organization_slug":"acme","organization_name":"Renamed"}""");

        AssertError(response, 400, "organization_slug_already_used");
        Assert.That(Str((await Client.GetAsync($"{OrganizationsPath}/beta")).Json["organization"]!["organization_name"]), Is.EqualTo("Beta"));
    }

    [Test]
    public async Task Update_NewSlug_FreesTheOldOne()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        var renamed = await PutAsync($"{OrganizationsPath}/acme", """{"organization_slug":"acme-corp"}""");
        var old = await Client.GetAsync($"{OrganizationsPath}/acme");
        var reused = await Client.PostAsync(OrganizationsPath, new { organization_name = "New Acme", organization_slug = "acme" });

        Assert.That(renamed.Status, Is.EqualTo(200), renamed.Text);
        AssertError(old, 404, "organization_not_found");
        Assert.That(reused.Status, Is.EqualTo(200), reused.Text);
    }

    [Test]
    public async Task Update_EmptyName_Returns400InvalidOrganizationName()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        AssertError(await PutAsync($"{OrganizationsPath}/acme", """{"organization_name":""}"""), 400, "invalid_organization_name");
    }

    [Test]
    public async Task Update_Unknown_Returns404OrganizationNotFound()
    {
        AssertError(await PutAsync($"{OrganizationsPath}/nope", """{"organization_name":"x"}"""), 404, "organization_not_found");
    }

    // ---- delete -----------------------------------------------------------------------------------

    [Test]
    public async Task Delete_Organization_RemovesItAndItsMembersAndFreesTheSlug()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var deleted = await Client.DeleteAsync($"{OrganizationsPath}/acme");
        var get = await Client.GetAsync($"{OrganizationsPath}/{Str(org["organization_id"])}");
        var again = await Client.PostAsync(OrganizationsPath, new { organization_name = "Acme", organization_slug = "acme" });

        Assert.That(deleted.Status, Is.EqualTo(200), deleted.Text);
        Assert.That(WireShapes.Keys(deleted.Json), Is.EqualTo(WireShapes.Sorted("request_id", "organization_id", "status_code")));
        Assert.That(deleted["organization_id"], Is.EqualTo(Str(org["organization_id"])));
        AssertError(get, 404, "organization_not_found");
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Select(m => m.MemberId), Does.Not.Contain(Str(member["member_id"])));
        Assert.That(again.Status, Is.EqualTo(200), again.Text);
    }

    // ---- search -----------------------------------------------------------------------------------

    [Test]
    public async Task Search_NoQuery_ReturnsEveryOrganizationOldestFirstWithTotal()
    {
        foreach (var slug in new[] { "one", "two", "three" })
        {
            await CreateOrganizationAsync(new { organization_name = slug, organization_slug = slug });
        }

        var response = await SearchAsync(new { });

        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "organizations", "results_metadata", "status_code")));
        Assert.That(Slugs(response), Is.EqualTo(new[] { "one", "two", "three" }));
        Assert.That(response.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(response.Json["results_metadata"]!["next_cursor"], Is.Null);
    }

    [Test]
    public async Task Search_LimitAndCursor_PageThroughEveryOrganization()
    {
        foreach (var slug in new[] { "one", "two", "three", "four", "five" })
        {
            await CreateOrganizationAsync(new { organization_name = slug, organization_slug = slug });
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(cursor is null ? new { limit = 2 } : new { limit = 2, cursor });
            Assert.That(page.Status, Is.EqualTo(200), page.Text);
            Assert.That(page.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(5));
            seen.AddRange(Slugs(page));
            cursor = page.Json["results_metadata"]!["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(seen, Is.EqualTo(new[] { "one", "two", "three", "four", "five" }));
    }

    [Test]
    public async Task Search_FiltersWithAnd_ReturnOnlyOrganizationsMatchingAll()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme Rockets", organization_slug = "acme-rockets", email_allowed_domains = new[] { "acme.io" } });
        await CreateOrganizationAsync(new { organization_name = "Acme Anvils", organization_slug = "acme-anvils" });
        await CreateOrganizationAsync(new { organization_name = "Globex", organization_slug = "globex", email_allowed_domains = new[] { "acme.io" } });

        var fuzzy = await SearchAsync(new { query = new { @operator = "AND", operands = new object[] { new { filter_name = "organization_name_fuzzy", filter_value = "acme" } } } });
        var both = await SearchAsync(new
        {
            query = new
            {
                @operator = "AND",
                operands = new object[]
                {
                    new { filter_name = "organization_name_fuzzy", filter_value = "acme" },
                    new { filter_name = "allowed_domains", filter_value = new[] { "acme.io" } },
                },
            },
        });
        var bySlugs = await SearchAsync(new { query = new { @operator = "AND", operands = new object[] { new { filter_name = "organization_slugs", filter_value = new[] { "globex", "acme-anvils" } } } } });

        Assert.That(Slugs(fuzzy), Is.EqualTo(new[] { "acme-rockets", "acme-anvils" }));
        Assert.That(Slugs(both), Is.EqualTo(new[] { "acme-rockets" }));
        Assert.That(Slugs(bySlugs), Is.EqualTo(new[] { "acme-anvils", "globex" }));
    }

    [Test]
    public async Task Search_OrOperator_ReturnsOrganizationsMatchingAny()
    {
        var acme = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateOrganizationAsync(new { organization_name = "Globex", organization_slug = "globex" });
        await CreateOrganizationAsync(new { organization_name = "Initech", organization_slug = "initech" });

        var response = await SearchAsync(new
        {
            query = new
            {
                @operator = "OR",
                operands = new object[]
                {
                    new { filter_name = "organization_ids", filter_value = new[] { Str(acme["organization_id"]) } },
                    new { filter_name = "organization_slugs", filter_value = new[] { "initech" } },
                },
            },
        });

        Assert.That(Slugs(response), Is.EqualTo(new[] { "acme", "initech" }));
    }

    [Test]
    public async Task Search_MemberEmails_FindsTheMembersOrganizations()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateOrganizationAsync(new { organization_name = "Globex", organization_slug = "globex" });
        await CreateMemberAsync("globex", "ada@globex.io");

        var response = await SearchAsync(new { query = new { @operator = "AND", operands = new object[] { new { filter_name = "member_emails", filter_value = new[] { "ada@globex.io" } } } } });

        Assert.That(Slugs(response), Is.EqualTo(new[] { "globex" }));
    }

    [Test]
    public async Task Search_OrganizationOnTheWire_HasTheSameShapeAsGet()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });

        var search = await SearchAsync(new { });
        var get = await Client.GetAsync($"{OrganizationsPath}/acme");

        Assert.That(JsonNode.DeepEquals(search.Json["organizations"]![0], get.Json["organization"]), Is.True);
    }
}
