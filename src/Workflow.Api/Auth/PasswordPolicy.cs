using Microsoft.AspNetCore.Identity;
using Workflow.Domain.Common;
using Workflow.Infrastructure.Identity;

namespace Workflow.Api.Auth;

/// <summary>
/// What a password a person chooses must be: at least 12 characters and not one of the passwords everyone tries
/// first. Length beats composition rules (NIST SP 800-63B), so there is no demand for digits or symbols. Identity runs
/// it with its own validators wherever a password is set; <see cref="Check"/> words the refusal at a JSON path.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<User>
{
    public const int MinimumLength = 12;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000", "123123123123",
        "password1234", "password12345", "passwordpassword", "qwertyuiop12", "qwerty123456", "abc123456789", "1q2w3e4r5t6y",
        "iloveyou1234", "admin1234567", "administrator", "adminadmin12", "welcome12345", "letmein12345", "changeme1234",
        "matkhau12345", "matkhau123456", "matkhaumoi123", "12345678910", "1234567891011", "demo@2024demo", "workflow1234",
    };

    public static IEnumerable<Violation> Check(string? password, string path)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
            yield return new(path, $"Mật khẩu cần ít nhất {MinimumLength} ký tự (một cụm từ dễ nhớ là tốt nhất).");
        else if (password.Length > 256)
            yield return new(path, "Mật khẩu tối đa 256 ký tự.");
        else if (Common.Contains(password) || password.Distinct().Count() <= 2)
            yield return new(path, "Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.");
    }

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var problems = Check(password, "password").Select(v => new IdentityError { Code = "weakPassword", Description = v.Message }).ToArray();
        return Task.FromResult(problems.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(problems));
    }
}
