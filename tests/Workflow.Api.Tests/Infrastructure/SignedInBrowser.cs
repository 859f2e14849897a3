using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workflow.Api.Tests.Infrastructure;

/// <summary>The web app as its users reach it: a browser that signed in through the sign-in page, and the forms' hidden fields.</summary>
public static partial class SignedInBrowser
{
    /// <summary>
    /// A browser signed in through the sign-in page: it keeps its cookie and does not follow redirects, so a test sees
    /// where a form sends it.
    /// </summary>
    public static async Task<HttpClient> BrowserFor(this WebApplicationFactory<Program> factory, string userName, string password = WorkflowApiFactory.Password)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await browser.GetStringAsync("/dang-nhap");
        using var response = await browser.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = HiddenField(signIn, "__RequestVerificationToken"),
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            throw new InvalidOperationException($"Sign-in of '{userName}' through the page answered {(int)response.StatusCode}.");
        return browser;
    }

    /// <summary>The value of a page's hidden form field (the antiforgery token, a form's idempotency key).</summary>
    public static string HiddenField(string page, string name)
    {
        var match = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        if (!match.Success) throw new InvalidOperationException($"The page has no hidden field {name}.");
        return match.Groups[1].Value;
    }
}
