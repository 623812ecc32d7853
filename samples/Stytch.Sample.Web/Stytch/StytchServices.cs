using Microsoft.Extensions.Options;

namespace Stytch.Sample.Web.Stytch;

/// <summary>The app's Stytch registrations, in one place so that a test can check them without starting the app.</summary>
internal static class StytchServices
{
    /// <summary>Binds the "Stytch" section and makes the app refuse to start without a complete one.</summary>
    public static OptionsBuilder<StytchOptions> AddStytchOptions(this IServiceCollection services) =>
        services.AddOptions<StytchOptions>()
            .BindConfiguration(StytchOptions.Section)
            .Validate(o => o.IsComplete,
                "Set Stytch:BaseUrl, Stytch:ProjectId and Stytch:Secret (e.g. the environment variables Stytch__ProjectId and Stytch__Secret).")
            .ValidateOnStart();
}
