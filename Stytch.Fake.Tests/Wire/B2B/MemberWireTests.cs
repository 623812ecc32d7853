namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>The B2B member endpoints over loopback HTTP: create, get, update, delete, search.</summary>
public sealed class MemberWireTests : B2BWireTest
{
    private string _orgId = "";

    [SetUp]
    public async Task CreateOrganization() =>
        _orgId = Str((await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" }))["organization_id"]);

    private Task<WireResult> PutMemberAsync(string member, string json, string organization = "acme") =>
        Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{organization}/members/{member}", json);

    private Task<WireResult> SearchAsync(object body) => Client.PostAsync(OrganizationsPath + "/members/search", body);

    // ---- create -----------------------------------------------------------------------------------

    [Test]
    public async Task Create_Defaults_ActiveMemberWithMemberAndOrganization()
    {
        var response = await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "Ada@Acme.io", name = "Ada Lovelace" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "member_id", "member", "organization", "status_code")));
        var member = response.Json["member"]!;
        Assert.That(response["member_id"], Does.Match(MemberId()).And.EqualTo(Str(member["member_id"])));
        Assert.That(Str(member["status"]), Is.EqualTo("active"));
        Assert.That(Str(member["email_address"]), Is.EqualTo("ada@acme.io"));
        Assert.That(Str(member["name"]), Is.EqualTo("Ada Lovelace"));
        Assert.That(Str(member["organization_id"]), Is.EqualTo(_orgId));
        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(_orgId));
    }

    [Test]
    public async Task Create_AsPending_PendingMember()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io", pending: true);

        Assert.That(Str(member["status"]), Is.EqualTo("pending"));
    }

    [Test]
    public async Task Create_AllOptionalFields_AreKept()
    {
        var response = await Client.PostAsync($"{OrganizationsPath}/acme/members", new
        {
            email_address = "ada@acme.io", is_breakglass = true, mfa_enrolled = true, mfa_phone_number = "+14155550123",
            roles = new[] { "stytch_admin", "billing" }, external_id = "emp-42",
            trusted_metadata = new { level = 3 }, untrusted_metadata = new { theme = "dark" },
        });

        var member = response.Json["member"]!;
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(member["is_breakglass"]!.GetValue<bool>(), Is.True);
        Assert.That(member["mfa_enrolled"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(member["mfa_phone_number"]), Is.EqualTo("+14155550123"));
        Assert.That(Str(member["external_id"]), Is.EqualTo("emp-42"));
        Assert.That(member["is_admin"]!.GetValue<bool>(), Is.True);
        Assert.That(member["roles"]!.AsArray().Select(r => Str(r!["role_id"])), Is.EqualTo(new[] { "stytch_member", "stytch_admin", "billing" }));
        Assert.That(member["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"level":3}"""));
        Assert.That(member["untrusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"theme":"dark"}"""));
    }

    [Test]
    public async Task Create_EmailImplicitRoleAssignment_AddsAnEmailAssignmentRole()
    {
        await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme", """{"rbac_email_implicit_role_assignments":[{"domain":"acme.io","role_id":"engineer"}]}""");

        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var role = member["roles"]!.AsArray().Single(r => Str(r!["role_id"]) == "engineer")!;
        Assert.That(Str(role["sources"]![0]!["type"]), Is.EqualTo("email_assignment"));
        Assert.That(Str(role["sources"]![0]!["details"]!["email_domain"]), Is.EqualTo("acme.io"));
    }

    [Test]
    public async Task Create_DuplicateEmail_Returns400DuplicateMemberEmail()
    {
        await CreateMemberAsync("acme", "ada@acme.io");

        var response = await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ADA@acme.io" });

        AssertError(response, 400, "duplicate_member_email");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_SameEmailInAnotherOrganization_IsAllowed()
    {
        await CreateOrganizationAsync(new { organization_name = "Beta", organization_slug = "beta" });
        await CreateMemberAsync("acme", "ada@acme.io");

        var other = await CreateMemberAsync("beta", "ada@acme.io");

        Assert.That(Str(other["status"]), Is.EqualTo("active"));
    }

    [Test]
    public async Task Create_DuplicateExternalId_Returns400DuplicateMemberExternalId()
    {
        await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ada@acme.io", external_id = "emp-1" });

        var response = await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "bob@acme.io", external_id = "emp-1" });

        AssertError(response, 400, "duplicate_member_external_id");
    }

    [Test]
    public async Task Create_MalformedEmail_Returns400InvalidEmail()
    {
        AssertError(await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ada" }), 400, "invalid_email");
        AssertError(await Client.PostAsync($"{OrganizationsPath}/acme/members", new { name = "no email" }), 400, "invalid_email");
    }

    [Test]
    public async Task Create_PhoneNotE164_Returns400InvalidPhoneNumber()
    {
        AssertError(await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ada@acme.io", mfa_phone_number = "555-0123" }), 400, "invalid_phone_number");
    }

    [Test]
    public async Task Create_UnknownOrganization_Returns404OrganizationNotFound()
    {
        AssertError(await Client.PostAsync($"{OrganizationsPath}/nope/members", new { email_address = "ada@acme.io" }), 404, "organization_not_found");
    }

    // ---- get --------------------------------------------------------------------------------------

    [Test]
    public async Task Get_ByMemberIdEmailOrExternalId_ReturnsTheMember()
    {
        var created = await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ada@acme.io", external_id = "emp-42" });
        var id = created["member_id"]!;

        var byId = await Client.GetAsync($"{OrganizationsPath}/acme/member?member_id={id}");
        var byEmail = await Client.GetAsync($"{OrganizationsPath}/{_orgId}/member?email_address=ADA%40acme.io");
        var byExternal = await Client.GetAsync($"{OrganizationsPath}/acme/member?member_id=emp-42");

        foreach (var response in new[] { byId, byEmail, byExternal })
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response["member_id"], Is.EqualTo(id));
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "member_id", "member", "organization", "status_code")));
        }
    }

    [Test]
    public async Task Get_NeitherMemberIdNorEmail_Returns400InvalidMemberGetFields()
    {
        AssertError(await Client.GetAsync($"{OrganizationsPath}/acme/member"), 400, "invalid_member_get_fields");
    }

    [Test]
    public async Task Get_UnknownMember_Returns404MemberNotFound()
    {
        AssertError(await Client.GetAsync($"{OrganizationsPath}/acme/member?member_id=member-test-00000000-0000-4000-8000-000000000000"), 404, "member_not_found");
        AssertError(await Client.GetAsync($"{OrganizationsPath}/acme/member?email_address=nobody%40acme.io"), 404, "member_not_found");
    }

    [Test]
    public async Task Get_MemberOfAnotherOrganization_Returns404MemberNotFound()
    {
        await CreateOrganizationAsync(new { organization_name = "Beta", organization_slug = "beta" });
        var member = await CreateMemberAsync("beta", "ada@beta.io");

        AssertError(await Client.GetAsync($"{OrganizationsPath}/acme/member?member_id={Str(member["member_id"])}"), 404, "member_not_found");
    }

    // ---- update -----------------------------------------------------------------------------------

    [Test]
    public async Task Update_NameAndRoles_ChangeOnlyThose()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        Stytch.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await PutMemberAsync(Str(member["member_id"]), """{"name":"Ada L.","roles":["billing"],"default_mfa_method":"totp"}""");

        var updated = response.Json["member"]!;
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(updated["name"]), Is.EqualTo("Ada L."));
        Assert.That(Str(updated["default_mfa_method"]), Is.EqualTo("totp"));
        Assert.That(updated["roles"]!.AsArray().Select(r => Str(r!["role_id"])), Is.EqualTo(new[] { "stytch_member", "billing" }));
        Assert.That(Str(updated["email_address"]), Is.EqualTo("ada@acme.io"));
        Assert.That(Str(updated["updated_at"]), Is.EqualTo("2030-01-02T03:05:05Z"));
    }

    [Test]
    public async Task Update_EmailAddress_RetiresTheOldAddressAndUnverifiesTheNewOne()
    {
        var member = await CreateMemberAsync("acme", "old@acme.io");

        var response = await PutMemberAsync(Str(member["member_id"]), """{"email_address":"new@acme.io"}""");
        var byOld = await Client.GetAsync($"{OrganizationsPath}/acme/member?email_address=old%40acme.io");

        var updated = response.Json["member"]!;
        Assert.That(Str(updated["email_address"]), Is.EqualTo("new@acme.io"));
        Assert.That(updated["email_address_verified"]!.GetValue<bool>(), Is.False);
        Assert.That(Str(updated["retired_email_addresses"]![0]!["email_address"]), Is.EqualTo("old@acme.io"));
        AssertError(byOld, 404, "member_not_found");
    }

    [Test]
    public async Task Update_EmailOfAnotherMember_Returns400DuplicateMemberEmail()
    {
        await CreateMemberAsync("acme", "bob@acme.io");
        var ada = await CreateMemberAsync("acme", "ada@acme.io");

        AssertError(await PutMemberAsync(Str(ada["member_id"]), """{"email_address":"bob@acme.io"}"""), 400, "duplicate_member_email");
    }

    [Test]
    public async Task Update_UnknownDefaultMfaMethod_Returns400InvalidMfaDefaultMethod()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        AssertError(await PutMemberAsync(Str(member["member_id"]), """{"default_mfa_method":"carrier_pigeon"}"""), 400, "invalid_mfa_default_method");
    }

    [Test]
    public async Task Update_UnknownMember_Returns404MemberNotFound()
    {
        AssertError(await PutMemberAsync("member-test-00000000-0000-4000-8000-000000000000", """{"name":"x"}"""), 404, "member_not_found");
    }

    [Test]
    public async Task Update_FieldUpdateDoesNotTake_IsIgnoredAndRecorded()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io", pending: true);

        var response = await PutMemberAsync(Str(member["member_id"]), """{"status":"active"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("pending"));
        Assert.That(Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "status" }));
    }

    // ---- delete -----------------------------------------------------------------------------------

    [Test]
    public async Task Delete_Member_IsASoftDeleteThatFreesTheEmail()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        var id = Str(member["member_id"]);

        var deleted = await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{id}");
        var byId = await Client.GetAsync($"{OrganizationsPath}/acme/member?member_id={id}");
        var byEmail = await Client.GetAsync($"{OrganizationsPath}/acme/member?email_address=ada%40acme.io");
        var recreated = await CreateMemberAsync("acme", "ada@acme.io");

        Assert.That(deleted.Status, Is.EqualTo(200), deleted.Text);
        Assert.That(WireShapes.Keys(deleted.Json), Is.EqualTo(WireShapes.Sorted("request_id", "member_id", "status_code")));
        Assert.That(deleted["member_id"], Is.EqualTo(id));
        Assert.That(Str(byId.Json["member"]!["status"]), Is.EqualTo("deleted"));
        AssertError(byEmail, 404, "member_not_found");
        Assert.That(Str(recreated["member_id"]), Is.Not.EqualTo(id));
    }

    [Test]
    public async Task Delete_Twice_SecondReturns404MemberNotFound()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(member["member_id"])}");

        AssertError(await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(member["member_id"])}"), 404, "member_not_found");
    }

    [Test]
    public async Task Delete_Member_InvalidatesItsCode()
    {
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        await LoginOrSignupAsync("acme", "ada@acme.io");
        var code = Stytch.Outbox.LatestFor("ada@acme.io").Code;

        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(member["member_id"])}");

        AssertError(await AuthenticateOtpAsync("acme", "ada@acme.io", code), 404, "member_not_found");
    }

    // ---- search -----------------------------------------------------------------------------------

    [Test]
    public async Task Search_EmptyQuery_ReturnsNonDeletedMembersOfTheOrganizationsWithThem()
    {
        await CreateOrganizationAsync(new { organization_name = "Beta", organization_slug = "beta" });
        var betaId = Str((await Client.GetAsync($"{OrganizationsPath}/beta")).Json["organization"]!["organization_id"]);
        await CreateMemberAsync("acme", "ada@acme.io");
        var gone = await CreateMemberAsync("acme", "gone@acme.io");
        await CreateMemberAsync("beta", "bob@beta.io");
        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(gone["member_id"])}");

        var response = await SearchAsync(new { organization_ids = new[] { _orgId, betaId } });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "members", "results_metadata", "organizations", "status_code")));
        Assert.That(response.Json["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "ada@acme.io", "bob@beta.io" }));
        Assert.That(response.Json["results_metadata"]!["total"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(response.Json["organizations"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { _orgId, betaId }));
        Assert.That(Str(response.Json["organizations"]![betaId]!["organization_slug"]), Is.EqualTo("beta"));
    }

    [Test]
    public async Task Search_StatusesFilter_FindsDeletedAndPendingMembers()
    {
        await CreateMemberAsync("acme", "ada@acme.io");
        await CreateMemberAsync("acme", "pat@acme.io", pending: true);
        var gone = await CreateMemberAsync("acme", "gone@acme.io");
        await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(gone["member_id"])}");

        var response = await SearchAsync(new
        {
            organization_ids = new[] { _orgId },
            query = new { @operator = "AND", operands = new object[] { new { filter_name = "statuses", filter_value = new[] { "deleted", "pending" } } } },
        });

        Assert.That(response.Json["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "pat@acme.io", "gone@acme.io" }));
    }

    [Test]
    public async Task Search_EmailFuzzyAndBreakglass_Filter()
    {
        await Client.PostAsync($"{OrganizationsPath}/acme/members", new { email_address = "ada@acme.io", is_breakglass = true });
        await CreateMemberAsync("acme", "adam@acme.io");
        await CreateMemberAsync("acme", "bob@acme.io");

        var fuzzy = await SearchAsync(new { organization_ids = new[] { _orgId }, query = new { @operator = "AND", operands = new object[] { new { filter_name = "member_email_fuzzy", filter_value = "ada" } } } });
        var breakglass = await SearchAsync(new { organization_ids = new[] { _orgId }, query = new { @operator = "AND", operands = new object[] { new { filter_name = "member_is_breakglass", filter_value = true } } } });

        Assert.That(fuzzy.Json["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "ada@acme.io", "adam@acme.io" }));
        Assert.That(breakglass.Json["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "ada@acme.io" }));
    }

    [Test]
    public async Task Search_NoOrganizationIds_Returns400MemberSearchOrganizationIdsEmpty()
    {
        AssertError(await SearchAsync(new { organization_ids = Array.Empty<string>() }), 400, "member_search_organization_ids_empty");
        AssertError(await SearchAsync(new { limit = 10 }), 400, "member_search_organization_ids_empty");
    }

    [Test]
    public async Task Search_Paging_LimitAndCursor()
    {
        foreach (var name in new[] { "a1", "a2", "a3" })
        {
            await CreateMemberAsync("acme", $"{name}@acme.io");
        }

        var first = await SearchAsync(new { organization_ids = new[] { _orgId }, limit = 2 });
        var cursor = first.Json["results_metadata"]!["next_cursor"]!.GetValue<string>();
        var second = await SearchAsync(new { organization_ids = new[] { _orgId }, limit = 2, cursor });

        Assert.That(first.Json["members"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(second.Json["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "a3@acme.io" }));
        Assert.That(second.Json["results_metadata"]!["next_cursor"], Is.Null);
    }
}
