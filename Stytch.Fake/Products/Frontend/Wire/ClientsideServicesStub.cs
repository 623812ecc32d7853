using System.Text;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Frontend.Wire;

/// <summary>
/// A stand-in for the SDK's clientside-services iframe (<c>https://js.stytch.com/clientside-services/index.html</c>,
/// which the pre-built UI loads even for email login), for the SDK option <c>endpoints.clientsideServicesIframeURL</c>:
/// no request leaves the machine. The SDK calls it over a MessageChannel (<c>IframeHostClient</c>) for phone number
/// formatting and Google One Tap; the stub answers every call with an error at once, so nothing waits on it.
/// </summary>
internal static class ClientsideServicesStub
{
    public const string Path = "/sdk/clientside-services/index.html";

    private static readonly byte[] Page = Encoding.UTF8.GetBytes("""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Stytch.Fake clientside services</title></head>
        <body><script>
        window.addEventListener('message', function (event) {
          var port = event.ports && event.ports[0];
          if (!port) { return; }
          var method = event.data && event.data.method;
          port.postMessage({ success: false, error: { name: 'Error', message: 'Stytch.Fake serves no clientside services (' + method + ').' } });
        });
        </script></body></html>
        """);

    public static ApiResponse Respond(ApiCall call) => new(200, Page) { ContentType = "text/html; charset=utf-8" };
}
