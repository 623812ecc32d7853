using System.Globalization;
using System.Text;

namespace Stytch.Fake;

/// <summary>
/// A plain-text account of what a project sent and answered, for a failed test's output. Any test
/// framework can print it; Stytch.Fake.NUnit does so automatically.
/// </summary>
public static class DiagnosticReport
{
    /// <summary>
    /// The project's outbox (newest first) and its latest requests (oldest first), each error with its message, so a
    /// call to a Stytch endpoint the fake does not implement reads as that, not as a typo.
    /// </summary>
    public static string Describe(StytchFakeProject project, int maxRequests = 20)
    {
        ArgumentNullException.ThrowIfNull(project);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Stytch.Fake project {project.ProjectId}, clock {project.Clock.Now:O}");
        var messages = project.Outbox.All;
        text.AppendLine(c, $"Outbox ({messages.Count} messages, newest first):");
        foreach (var m in messages.Take(20))
        {
            var carries = m.Link is { } link ? "link " + link : "code " + m.Code;
            text.AppendLine(c, $"  {m.SentAt:HH:mm:ss} {MessageKindNames.Of(m.Kind),-6} {m.Recipient} {carries} method_id {m.MethodId} expires {m.ExpiresAt:HH:mm:ss}{(m.OrganizationId is null ? "" : " organization " + m.OrganizationId)}");
        }

        var requests = project.Requests.All;
        text.AppendLine(c, $"Requests (last {Math.Min(maxRequests, requests.Count)} of {requests.Count}):");
        foreach (var r in requests.Skip(Math.Max(0, requests.Count - maxRequests)))
        {
            text.AppendLine(c, $"  {r.Method,-6} {r.Path} -> {r.StatusCode}{(r.ErrorType is null ? "" : " " + r.ErrorType)} ({r.RequestId}){(r.IgnoredFields.Count == 0 ? "" : "; ignored fields: " + string.Join(", ", r.IgnoredFields))}");
            if (r.ErrorMessage is { } message)
            {
                text.AppendLine(c, $"         {message}");
            }
        }

        return text.ToString();
    }
}
