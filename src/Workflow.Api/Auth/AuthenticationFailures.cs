namespace Workflow.Api.Auth;

/// <summary>A sign-in that did not succeed; <see cref="Code"/> tells a client which, the message tells a person.</summary>
public class AuthenticationFailedException(string message, string code) : Exception(message)
{
    public AuthenticationFailedException() : this("Tên đăng nhập hoặc mật khẩu không đúng.", "auth.invalid") { }

    public string Code { get; } = code;
}

/// <summary>Too many wrong passwords: the account is locked for a while, whatever is typed.</summary>
public sealed class LockedOutException(int minutesLeft)
    : AuthenticationFailedException($"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau {minutesLeft} phút hoặc liên hệ quản trị viên.", "auth.lockedOut")
{
    public int MinutesLeft { get; } = minutesLeft;
}

/// <summary>The account has a second factor: the code from the authenticator app is needed too.</summary>
public sealed class TwoFactorRequiredException(bool codeWasWrong)
    : AuthenticationFailedException(codeWasWrong ? "Mã xác thực không đúng hoặc đã hết hạn." : "Nhập mã 6 chữ số từ ứng dụng xác thực.", codeWasWrong ? "auth.twoFactorInvalid" : "auth.twoFactorRequired");
