using Stytch.Fake.Http;

namespace Stytch.Fake.Products.M2M.Wire;

/// <summary>The M2M client endpoints: create, search, get, update, delete and the three secret-rotation calls; and the token endpoint.</summary>
internal static class M2MEndpoints
{
    private const string Clients = "/v1/m2m/clients";
    private const string Client = Clients + "/{client_id}";
    private const string Rotate = Client + "/secrets/rotate";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("m2m.clients.create", Clients, M2MRequestJson.Default.M2MClientCreateRequest, Create),
        Endpoint.Post("m2m.clients.search", Clients + "/search", M2MRequestJson.Default.M2MClientSearchRequest, Search),
        Endpoint.Get("m2m.clients.get", Client, Get),
        Endpoint.Put("m2m.clients.update", Client, M2MRequestJson.Default.M2MClientUpdateRequest, Update),
        Endpoint.Delete("m2m.clients.delete", Client, Delete),
        Endpoint.Post("m2m.clients.secrets.rotate_start", Rotate + "/start", M2MRequestJson.Default.M2MRotateRequest, (c, _) => WithNextSecret(c, Service(c).StartRotation(Id(c)))),
        Endpoint.Post("m2m.clients.secrets.rotate_cancel", Rotate + "/cancel", M2MRequestJson.Default.M2MRotateRequest, (c, _) => Response(c, Service(c).CancelRotation(Id(c)))),
        Endpoint.Post("m2m.clients.secrets.rotate", Rotate, M2MRequestJson.Default.M2MRotateRequest, (c, _) => Response(c, Service(c).CompleteRotation(Id(c)))),
        M2MTokenEndpoint.Token(),
    ];

    private static M2MClientService Service(ApiCall call) => call.Project.M2MClients;

    private static string Id(ApiCall call) => call.PathValues["client_id"];

    private static ApiResponse Response(ApiCall call, StytchM2MClient client) =>
        ApiResponse.Ok(call.RequestId, w => M2MWire.Write(w, "m2m_client", client));

    private static ApiResponse WithNextSecret(ApiCall call, M2MClientWithSecret rotated) =>
        ApiResponse.Ok(call.RequestId, w => M2MWire.Write(w, "m2m_client", rotated.Client, "next_client_secret", rotated.Secret));

    private static ApiResponse Create(ApiCall call, M2MClientCreateRequest request)
    {
        var created = Service(call).Create(new M2MClientFields
        {
            ClientId = request.ClientId,
            ClientSecret = request.ClientSecret,
            ClientName = request.ClientName,
            ClientDescription = request.ClientDescription,
            Scopes = request.Scopes,
            TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        });
        return ApiResponse.Ok(call.RequestId, w => M2MWire.Write(w, "m2m_client", created.Client, "client_secret", created.Secret));
    }

    private static ApiResponse Get(ApiCall call) => Response(call, Service(call).Get(Id(call)));

    private static ApiResponse Update(ApiCall call, M2MClientUpdateRequest request) =>
        Response(call, Service(call).Update(Id(call), new M2MClientFields
        {
            ClientName = request.ClientName,
            ClientDescription = request.ClientDescription,
            Status = request.Status,
            Scopes = request.Scopes,
            TrustedMetadata = request.TrustedMetadata?.GetRawText(),
        }));

    private static ApiResponse Delete(ApiCall call)
    {
        var id = Service(call).Delete(Id(call));
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("client_id", id));
    }

    private static ApiResponse Search(ApiCall call, M2MClientSearchRequest request)
    {
        var page = Service(call).Search(SearchJson.ReadSearch(request));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WritePropertyName("m2m_clients");
            w.WriteStartArray();
            foreach (var client in page.Clients)
            {
                M2MWire.Write(w, client);
            }

            w.WriteEndArray();
            SearchJson.WriteResultsMetadata(w, page.Total, page.NextCursor);
        });
    }
}
