using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Auth;
using Workflow.Domain.Catalog;
using Workflow.Domain.Identity;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Seeding;

namespace Workflow.Api.Common;

/// <summary>
/// <c>create-admin &lt;userName&gt;</c>: the first national administrator of a new installation — and the national root
/// unit and its administering agency, if the database has none. The password comes from <c>WORKFLOW_ADMIN_PASSWORD</c>
/// or the first line of standard input, never from the command line (where every process listing would show it).
/// Exit 0 when created; 2 for a missing name, a weak password or a name already taken, with the reason.
/// </summary>
public static class CreateAdminCommand
{
    public const string PasswordVariable = "WORKFLOW_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string? userName, TextReader input, TextWriter output, TextWriter errors)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            await errors.WriteLineAsync($"Cách dùng: create-admin <tên đăng nhập>; mật khẩu đọc từ biến môi trường {PasswordVariable} hoặc dòng đầu của đầu vào chuẩn.");
            return 2;
        }
        var name = User.NormalizeName(userName);
        if (name.Length < 3 || name.Length > 64 || !name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-' or '_' or '@'))
        {
            await errors.WriteLineAsync("Tên đăng nhập 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới hoặc @.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await input.ReadLineAsync();
        var weak = PasswordPolicy.Check(password, "password").FirstOrDefault();
        if (weak is not null)
        {
            await errors.WriteLineAsync($"Mật khẩu bị từ chối: {weak.Message}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await db.Users.AnyAsync(u => u.UserName == name))
        {
            await errors.WriteLineAsync($"Tên đăng nhập '{name}' đã có; chọn tên khác (quản trị viên hiện có đổi mật khẩu trên trang Tài khoản).");
            return 2;
        }

        if (!await db.AdminUnits.AnyAsync(u => u.Code == AdminUnit.NationalCode))
            db.AdminUnits.Add(new AdminUnit(AdminUnit.NationalCode, "Việt Nam", AdminLevel.National, null));
        if (!await db.Agencies.AnyAsync(a => a.Code == ReferenceData.NationalAdministrationCode))
            db.Agencies.Add(new Agency(ReferenceData.NationalAdministrationCode, "Cơ quan quản trị hệ thống", AgencyKind.Administration, AdminUnit.NationalCode));
        await db.SaveChangesAsync();

        var admin = new User(Guid.NewGuid(), name, "Quản trị viên quốc gia", "", ReferenceData.NationalAdministrationCode, AdminUnit.NationalCode, [Roles.Admin]);
        var result = await users.CreateAsync(admin, password!);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync("Không tạo được: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 2;
        }
        await output.WriteLineAsync($"Đã tạo quản trị viên quốc gia '{name}' (đơn vị {AdminUnit.NationalCode}, cơ quan {ReferenceData.NationalAdministrationCode}). Đăng nhập để tạo tỉnh, xã, cơ quan và người dùng.");
        return 0;
    }
}
