namespace Stytch.Fake.Tests.Conformance;

/// <summary>The users operations' variants for <see cref="SpecConformanceTests"/>: each way they answer 200, and their errors.</summary>
internal static class UserConformance
{
    private const string Users = "/v1/users";

    private static readonly object EveryField = new
    {
        email = "ada@example.com",
        phone_number = "+14155550123",
        name = new { first_name = "Ada", middle_name = "King", last_name = "Lovelace" },
        trusted_metadata = new { plan = "pro" },
        untrusted_metadata = new { theme = "dark" },
        external_id = "crm-42",
        roles = new[] { "editor" },
    };

    public static IReadOnlyList<ResponseVariant> Variants { get; } =
    [
        new("UsersCreate_EveryField", "POST", Users, r => r.Client.PostAsync(Users, EveryField)),
        new("UsersCreate_PhoneOnlyPending", "POST", Users, r => r.Client.PostAsync(Users, new { phone_number = "+14155550123", create_user_as_pending = true })),
        new("UsersGet_EveryField", "GET", Users + "/{user_id}", async r =>
        {
            await r.Client.PostAsync(Users, EveryField);
            return await r.Client.GetAsync(Users + "/crm-42");
        }),
        new("UsersUpdate_EveryField", "PUT", Users + "/{user_id}", async r =>
        {
            await r.Client.PostAsync(Users, EveryField);
            return await r.Client.SendAsync(HttpMethod.Put, Users + "/crm-42", """{"name":{"first_name":"A"},"trusted_metadata":{"plan":null},"untrusted_metadata":{"k":[1]},"external_id":"crm-43","roles":[]}""");
        }),
        new("UsersSearch_All", "POST", Users + "/search", async r =>
        {
            await r.Client.PostAsync(Users, EveryField);
            return await r.Client.PostRawAsync(Users + "/search", "{}");
        }),
        new("UsersSearch_NextPage", "POST", Users + "/search", async r =>
        {
            await r.Client.PostAsync(Users, EveryField);
            await r.Client.PostAsync(Users, new { email = "bob@example.com" });
            return await r.Client.PostRawAsync(Users + "/search", """{"limit":1,"query":{"operator":"AND","operands":[{"filter_name":"status","filter_value":"active"}]}}""");
        }),
        new("UsersDeleteEmail", "DELETE", Users + "/emails/{email_id}", async r =>
            await r.Client.DeleteAsync(Users + "/emails/" + (await r.Client.PostAsync(Users, EveryField))["email_id"])),
        new("UsersDeletePhoneNumber", "DELETE", Users + "/phone_numbers/{phone_id}", async r =>
            await r.Client.DeleteAsync(Users + "/phone_numbers/" + (await r.Client.PostAsync(Users, EveryField))["phone_id"])),
        new("UsersDeleteExternalId", "DELETE", Users + "/{user_id}/external_id", async r =>
        {
            await r.Client.PostAsync(Users, EveryField);
            return await r.Client.DeleteAsync(Users + "/crm-42/external_id");
        }),
    ];

    public static IReadOnlyList<ErrorVariant> ErrorVariants { get; } =
    [
        new("UsersDuplicatePhoneNumber", 400, "duplicate_phone_number", async r =>
        {
            await r.Client.PostAsync(Users, new { phone_number = "+14155550123" });
            return await r.Client.PostAsync(Users, new { phone_number = "+14155550123" });
        }),
        new("UsersDuplicateExternalId", 400, "duplicate_user_external_id", async r =>
        {
            await r.Client.PostAsync(Users, new { email = "ada@example.com", external_id = "crm-42" });
            return await r.Client.PostAsync(Users, new { email = "bob@example.com", external_id = "crm-42" });
        }),
        new("UsersPhoneNumberNotFound", 404, "phone_number_not_found", r => r.Client.DeleteAsync(Users + "/phone_numbers/phone-number-test-00000000-0000-4000-8000-000000000000")),
        new("UsersInvalidEmailId", 400, "invalid_email_id", r => r.Client.DeleteAsync(Users + "/emails/nope")),
        new("UsersMetadataTooManyKeys", 400, "metadata_too_many_keys", r => r.Client.PostRawAsync(Users,
            "{\"email\":\"ada@example.com\",\"trusted_metadata\":{" + string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"k{i}\":{i}")) + "}}")),
        new("UsersMetadataTooLarge", 400, "metadata_too_large", r => r.Client.PostAsync(Users, new { email = "ada@example.com", trusted_metadata = new { note = new string('x', 4100) } })),
    ];
}
