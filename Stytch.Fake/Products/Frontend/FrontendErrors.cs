namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The frontend SDK API (/sdk/v1): the types are Stytch's (error-types.txt).

    /// <summary>
    /// 400: a browser call under <c>/sdk/v1</c> came from an origin the project does not allow
    /// (<see cref="ProjectOrigins"/>). Status from Stytch's 400 error list; the wording is inferred from its twin
    /// <c>bad_app_bundle_for_stytch_sdk</c>.
    /// </summary>
    public static readonly StytchError BadDomainForStytchSdk = new("bad_domain_for_stytch_sdk", 400, "This domain has not been registered as an allowed domain for the Stytch SDK. Add it to the project's allowed origins (project.Origins, --allowed-origin).");
    /// <summary>404 (I): the bootstrap path names a public token no project has.</summary>
    public static readonly StytchError PublicTokenNotFound = new("public_token_not_found", 404, "The public token could not be found.");
}
