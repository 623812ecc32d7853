using System.Text;

namespace Stytch.Fake.Tests.Binding;

/// <summary>
/// Request bodies that try every JSON kind in every field of an endpoint: each field alone and each ordered pair of fields
/// wrong at once (which error wins), over a valid body and an empty one, plus nested unknowns, nulls, huge and
/// fractional numbers, lone surrogates, duplicate keys, bytes that are not UTF-8 and bodies that are not objects.
/// </summary>
internal static class BodyCorpus
{
    /// <summary>A value of each JSON kind, and of each edge a field reader has to tell apart.</summary>
    public static readonly string[] Values =
    [
        "null", "true", "false", "0", "7", "-1", "1.5", "1e2", "1.0", "2147483647", "2147483648", "-2147483649",
        "1e400", "-1e400", "123456789012345678901234567890123456789012", "0.0000001",
        "\"\"", "\"ada@example.com\"", "\"caf\\u00e9\"", "\"\\ud800\"", "\"x\"",
        "[]", "[\"a\"]", "[1]", "[null]", "[[]]",
        "{}", "{\"nested\":{\"deeper\":[1,2,3]}}",
        "{\"ip_address\":\"203.0.113.7\",\"user_agent\":\"ua\"}", "{\"ip_address\":5}", "{\"ip_address\":null}",
        "{\"shoe_size\":\"9\"}", "{\"ip_address\":5,\"shoe_size\":1}", "{\"shoe_size\":1,\"ip_address\":5}",
        "{\"user_agent\":5,\"ip_address\":5}",
        "{\"ip_match_required\":true}", "{\"ip_match_required\":\"x\",\"zzz\":1}", "{\"zzz\":1,\"user_agent_match_required\":1}",
        "{\"ip_match_required\":null,\"user_agent_match_required\":false}",
        "{\"a\":1e400}", "{\"a\":{\"b\":[1,\"c\",1e400]}}", "{\"a\":[true,null,{\"b\":1.5}]}",
        "{\"organization_id\":\"o\",\"resource_id\":\"r\",\"action\":\"a\"}",
        "{\"zzz\":1,\"organization_id\":\"o\",\"resource_id\":5,\"action\":\"a\"}", "{\"organization_id\":\"o\",\"resource_id\":\"r\"}",
        "[{\"domain\":\"acme.io\",\"role_id\":\"stytch_admin\"}]", "[{\"domain\":5,\"role_id\":\"r\"}]", "[{\"zzz\":1,\"domain\":\"a\"}]",
        "[{\"domain\":\"a\",\"role_id\":\"r\"},5]", "[{\"domain\":\"a\",\"role_id\":\"r\",\"zzz\":1},{\"yyy\":2}]",
        "{\"operator\":\"AND\",\"operands\":[{\"filter_name\":\"organization_slugs\",\"filter_value\":[\"acme\"]}]}",
        "{\"operator\":\"OR\",\"operands\":[{\"filter_name\":\"a\",\"filter_value\":true},{\"filter_name\":\"b\",\"filter_value\":\"c\"}]}",
        "{\"operator\":5}", "{\"zzz\":1,\"operator\":\"OR\"}", "{\"operator\":\"AND\",\"operands\":5}", "{\"operator\":\"AND\",\"operands\":null}",
        "{\"operator\":\"AND\",\"operands\":[{\"filter_name\":\"a\"}]}", "{\"operator\":\"AND\",\"operands\":[5]}",
        "{\"operator\":\"AND\",\"operands\":[{\"filter_value\":1,\"zzz\":1,\"filter_name\":\"a\"}]}",
        "{\"operator\":\"AND\",\"operands\":[{\"filter_name\":\"a\",\"filter_value\":[1]}]}",
    ];

    /// <summary>One wrong value of each kind, for the bodies with two fields wrong at once.</summary>
    private static readonly string[] Wrong = ["5", "\"x\"", "{\"shoe_size\":1}", "[1]", "true", "1e400"];

    /// <summary>Every body for an endpoint with <paramref name="fields"/>, over <paramref name="valid"/> (a JSON object's members).</summary>
    public static IEnumerable<byte[]> For(string[] fields, (string Name, string Value)[] valid)
    {
        string[] names = [.. fields, "nope"];
        foreach (var start in new[] { valid, [] })
        {
            yield return Body(start);
            foreach (var name in names)
            {
                yield return Body([.. start.Where(p => p.Name != name)]);
                foreach (var value in Values)
                {
                    yield return Body(With(start, (name, value)));
                }
            }

            foreach (var first in names)
            {
                foreach (var second in names.Where(n => n != first))
                {
                    foreach (var a in Wrong)
                    {
                        foreach (var b in Wrong)
                        {
                            yield return Body(With(With(start, (first, a)), (second, b)));
                        }
                    }
                }
            }
        }

        foreach (var raw in Malformed(fields[0]))
        {
            yield return raw;
        }
    }

    private static IEnumerable<byte[]> Malformed(string field)
    {
        foreach (var text in new[]
        {
            "", " ", "null", "[]", "[{}]", "\"x\"", "5", "{", "{\"" + field + "\":", "{\"" + field + "\":1,}", "{}{}",
            "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}", "{\"nope\":1,\"nope\":2}",
            "{\"attributes\":{\"ip_address\":\"a\",\"ip_address\":\"b\"}}", "{\"" + field + "\":\"\\ud800\\u0041\"}",
            "{\"\\udc00\":1}", new string('[', 40) + new string(']', 40), "{\"" + field + "\":" + new string('[', 40) + new string(']', 40) + "}",
        })
        {
            yield return Encoding.UTF8.GetBytes(text);
        }

        // Bytes that are not UTF-8, in a value and in a key.
        yield return [.. Encoding.UTF8.GetBytes("{\"" + field + "\":\""), 0xFF, 0xFE, .. "\"}"u8];
        yield return [.. "{\""u8, 0xC3, 0x28, .. "\":1}"u8];
    }

    private static (string Name, string Value)[] With((string Name, string Value)[] body, (string Name, string Value) field) =>
        [.. body.Where(p => p.Name != field.Name), field];

    private static byte[] Body((string Name, string Value)[] members) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Value}")) + "}");
}
