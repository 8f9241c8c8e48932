using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace ReferralNet.Web.Session;

/// <summary>
/// The session: kept on the server (<see cref="SessionStore"/>), the browser holding only its key in one encrypted
/// cookie (HttpOnly, SameSite=Lax; over HTTPS <c>__Host-</c> and Secure, <see cref="HostPrefixedCookies"/>); it lasts as
/// long as the user's token does. A page that needs a session sends the young person to their sign-in and staff to theirs.
/// </summary>
public static class Sessions
{
    public const string CookieName = "referralnet.session";
    public const string YouthSignInPath = "/youth/sign-in";
    public const string StaffSignInPath = "/sign-in";
    public const string EnrolPath = "/youth/enrol";

    /// <summary>Where a user of the role starts: the page made for them.</summary>
    public static string HomeOf(string? role) => role switch
    {
        Roles.Youth => "/youth",
        Roles.YouthEnrolment => EnrolPath,
        Roles.Worker => "/worker",
        Roles.Coordinator => "/coordinator",
        Roles.AgencyAdmin => "/admin",
        _ => "/",
    };

    public static IServiceCollection AddSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSessionKeys(configuration);
        services.AddAuthentication(SessionUser.Scheme).AddCookie(SessionUser.Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new HostPrefixedCookies();
            cookie.LoginPath = StaffSignInPath;
            cookie.AccessDeniedPath = "/not-found";
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context =>
                {
                    var youth = context.Request.Path.StartsWithSegments("/youth");
                    var signIn = youth ? YouthSignInPath : StaffSignInPath;
                    // Only the path comes back: a query may hold what the page was asked for.
                    context.Response.Redirect($"{signIn}?returnUrl={Uri.EscapeDataString(context.Request.Path)}");
                    return Task.CompletedTask;
                },
                // A page the signed-in role may not see is as absent as a page that does not exist; but a young person
                // half-way through choosing how to sign in is taken back to it from any of their pages.
                OnRedirectToAccessDenied = context =>
                {
                    if (context.HttpContext.User.IsInRole(Roles.YouthEnrolment) && context.Request.Path.StartsWithSegments("/youth"))
                    {
                        context.Response.Redirect(EnrolPath);
                        return Task.CompletedTask;
                    }
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                },
            };
        }).AddStaffOpenIdConnect(configuration);
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(SessionUser.Scheme).Configure<SessionStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>
    /// The Data Protection keys that encrypt the session cookie: in <c>Web:KeysFolder</c>, or else in the web app's
    /// database (<see cref="DatabaseKeyRing"/>); encrypted there with the certificates of <c>Web:KeyProtectionFolder</c>
    /// where it is set (<see cref="KeyProtectionCertificates"/>).
    /// </summary>
    public static IServiceCollection AddSessionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName("referralnet-web");
        if (configuration[$"{WebOptions.Section}:{nameof(WebOptions.KeysFolder)}"] is { Length: > 0 } folder)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, data) => options.XmlRepository = new DatabaseKeyRing(data));
        }
        // Unreadable certificates leave the keys unencrypted only until the start's validation (WebOptions) refuses them.
        if (configuration[$"{WebOptions.Section}:{nameof(WebOptions.KeyProtectionFolder)}"] is { Length: > 0 } protection
            && KeyProtectionCertificates.Read(protection).Certificates is { } certificates)
        {
            keys.UnprotectKeysWithAnyCertificate([.. certificates.All]);
            services.AddOptions<KeyManagementOptions>().Configure<TimeProvider, ILoggerFactory>(
                (options, time, logs) => options.XmlEncryptor = new KeyProtectionCertificates.Encryptor(certificates, time, logs));
        }
        return services;
    }
}
