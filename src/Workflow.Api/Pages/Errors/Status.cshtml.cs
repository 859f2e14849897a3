using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workflow.Domain.Common;

namespace Workflow.Api.Pages.Errors;

/// <summary>The web pages' answer to 400, 403, 404, a form sent again (409, 422) and errors: Vietnamese, no stack trace, a way back.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        code = exception switch
        {
            NotFoundException => 404,
            ForbiddenException => 403,
            GoneException => 410,
            // a file sent on a dossier page beyond Attachments' limit: the server stopped reading it
            BadHttpRequestException { StatusCode: 413 } => 413,
            null => code,
            _ => 500,
        };
        Response.StatusCode = code;
        (Title, Message) = code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Trang đã cũ hoặc biểu mẫu thiếu mã xác nhận; hãy tải lại trang rồi thực hiện lại. Chưa có gì được lưu."),
            403 => ("Không có quyền truy cập", exception?.Message ?? "Vai trò của bạn không được xem hoặc thực hiện chức năng này."),
            404 => ("Không tìm thấy", exception?.Message ?? "Trang hoặc hồ sơ không tồn tại, hoặc bạn không được xem hồ sơ này."),
            // pages answer 409 and 422 only for a form sent again (Common/IdempotencyMiddleware)
            409 => ("Biểu mẫu đang được xử lý", "Biểu mẫu này vừa được gửi và lần gửi đầu còn đang được xử lý. Đừng gửi lại: mở lại danh sách sau ít phút để xem kết quả."),
            422 => ("Biểu mẫu đã được gửi", "Biểu mẫu này đã được gửi trước đó với nội dung khác; lần gửi này không được thực hiện. Hãy tải lại trang để lập biểu mẫu mới."),
            410 => ("Nội dung đã bị xóa", exception?.Message ?? "Nội dung này đã bị xóa theo thời hạn lưu trữ."),
            413 => ("Tệp quá lớn", "Tệp gửi lên vượt quá dung lượng cho phép nên chưa được nhận; chưa có gì được lưu. Hãy chọn tệp nhỏ hơn (xem giới hạn ở phần «Tệp đính kèm») rồi gửi lại."),
            _ => ("Đã xảy ra lỗi", "Hệ thống gặp lỗi ngoài dự kiến; thao tác chưa được thực hiện. Vui lòng thử lại hoặc báo quản trị viên."),
        };
    }
}
