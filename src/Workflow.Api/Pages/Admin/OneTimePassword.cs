using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Workflow.Api.Pages.Admin;

/// <summary>
/// A one-time password carried from the post that made it to the user's page, and shown there once: it lives in
/// TempData (the encrypted TempData cookie) only until that page reads it; reloading the page does not show it again.
/// </summary>
public static class OneTimePassword
{
    private const string Key = "admin.oneTimePassword";

    public static void Keep(ITempDataDictionary tempData, Guid userId, string password, bool created) =>
        tempData[Key] = $"{userId:N}|{(created ? "created" : "reset")}|{password}";

    /// <summary>The password for <paramref name="userId"/>, taken out of TempData; null when there is none (any other is dropped).</summary>
    public static (string Password, bool Created)? Take(ITempDataDictionary tempData, Guid userId)
    {
        if (tempData[Key] is not string value) return null;
        var parts = value.Split('|', 3);
        return parts.Length == 3 && parts[0] == userId.ToString("N") ? (parts[2], parts[1] == "created") : null;
    }
}
