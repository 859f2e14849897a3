using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using Workflow.Api.Auth;
using Workflow.Api.Common;
using Workflow.Api.Endpoints;
using Workflow.Api.Features.Plans;
using Workflow.Api.Features.Workflows;
using Workflow.Api.Features.Proposals;
using Workflow.Infrastructure.Workflows;
using Workflow.Api.Seeding;
using Microsoft.AspNetCore.Authentication;
using Workflow.Infrastructure.Identity;
using Workflow.Infrastructure.Audit;
using Workflow.Infrastructure;
using Workflow.Infrastructure.Persistence;

var command = HostCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command.HostArgs);
if (command.Name == HostCommand.ValidateWorkflows)
    return ValidateWorkflowsCommand.Run(command.Argument, builder.Configuration);
// the journal commands print JSON to keep or pipe: the log goes to standard error
if (command.Name is HostCommand.Journal or HostCommand.VerifyAttachments or HostCommand.PurgePersonalData)
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

// first, so the schema and definitions are in place before the server listens and the background services start
builder.Services.AddSingleton(command);
builder.Services.AddHostedService<StartupInitializer>();
builder.Services.AddWorkflowInfrastructure(builder.Configuration);
builder.Services.AddMediatorFrom(typeof(Program).Assembly);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddScoped<PlanAccess>();
builder.Services.AddScoped<Workflow.Api.Features.Monitoring.MonitoringAccess>();
builder.Services.AddSingleton(_ => Workflow.Api.Features.Monitoring.PovertyStandardsCatalogue.Load(Workflow.Api.Features.Monitoring.PovertyStandardsCatalogue.DefaultPath));
builder.Services.AddSingleton(services =>
{
    // read on every call: an administrator may load a new programme period while the server runs
    var programmes = services.GetRequiredService<Workflow.Infrastructure.Catalogues.ProgrammeCatalogues>();
    return Workflow.Api.Features.Monitoring.Indicators.IndicatorCatalogueFiles.Load(Workflow.Api.Features.Monitoring.Indicators.IndicatorCatalogueFiles.DefaultDirectory,
        year => programmes.For(year).Period.Id);
});
builder.Services.AddScoped<Workflow.Api.Features.Monitoring.Indicators.OutputTotals>();
// the province dashboard's late items: overdue workflow tasks, late periodic reports among them
builder.Services.AddScoped<Workflow.Api.Features.Monitoring.Dashboard.IDashboardLateItems, Workflow.Api.Features.Monitoring.Dashboard.OverdueWorkflowTasks>();
builder.Services.AddSingleton(_ => Workflow.Api.Features.Monitoring.Reports.ReportTemplateFiles.Load(Workflow.Api.Features.Monitoring.Reports.ReportTemplateFiles.DefaultDirectory));
builder.Services.AddScoped<Workflow.Api.Features.Monitoring.Reports.ReportCompiler>();
builder.Services.AddScoped<Workflow.Api.Features.Monitoring.Reports.ReportReminders>();
builder.Services.AddBackgroundWork<Workflow.Api.Features.Monitoring.Reports.ReportReminderService>();
builder.Services.AddScoped<OpeningPositionAccess>();
builder.Services.AddScoped<PlanOrganisation>();
builder.Services.AddScoped<InstanceAccess>();
builder.Services.AddScoped<CallerActions>();
builder.Services.AddScoped<ProposalAccess>();
builder.Services.AddScoped<SubjectInstances>();
builder.Services.AddScoped<Workflow.Api.Features.Attachments.AttachmentAccess>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddScoped<Workflow.Api.Features.Admin.AdminScope>();
builder.Services.AddScoped<Workflow.Api.Features.Admin.AdminJournal>();
builder.Services.AddScoped<Workflow.Api.Features.Admin.Policies.PolicyAccess>();
builder.Services.AddScoped<Workflow.Api.Features.Admin.Users.AdminUsers>();

var account = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
builder.Services.AddSingleton(account);
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<SessionValidator>();
builder.Services.AddScoped<AccountSignIn>();
// ASP.NET Core Identity keeps the user store: hashes, security stamps, lockout, authenticator keys
builder.Services.AddIdentityCore<User>(o =>
    {
        o.Lockout.MaxFailedAccessAttempts = account.LockoutMaxFailedAttempts;
        o.Lockout.DefaultLockoutTimeSpan = account.LockoutDuration;
        o.Lockout.AllowedForNewUsers = true;
        // PasswordPolicy is the rule; Identity's composition rules stay out of its way
        o.Password.RequiredLength = 1;
        o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789.-_@";
    })
    .AddEntityFrameworkStores<WorkflowDbContext>()
    .AddDefaultTokenProviders()
    .AddPasswordValidator<PasswordPolicy>();
builder.Services.AddSignInRateLimit(account);
builder.Services.AddReverseProxy(builder.Configuration);
builder.AddObservability();

var jwt = (builder.Configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions()).Resolved();
if (jwt.SigningKey.Length < 32)
    throw new InvalidOperationException($"{JwtOptions.Section}:SigningKey must be set to at least 32 characters (environment variable Auth__Jwt__SigningKey).");
if (!builder.Environment.IsDevelopment()
    && new[] { jwt.SigningKey, jwt.PreviousSigningKey }.Any(key => CommittedSecrets.IsCommitted(CommittedSecrets.SigningKeySetting, key, builder.Environment.ContentRootPath, AppContext.BaseDirectory)))
{
    Console.Error.WriteLine(CommittedSecrets.Refusal);
    return 1;
}
// the journal key seals the journal and the ledger; it must exist, and outside Development it must not be a shipped one
var journalKeys = JournalKeyOptions.From(builder.Configuration);
if (journalKeys.Problem() is { } journalKeyProblem)
{
    Console.Error.WriteLine(journalKeyProblem);
    return 1;
}
if (!builder.Environment.IsDevelopment()
    && journalKeys.PreviousKeyTexts().Prepend(journalKeys.CurrentKeyText())
        .Any(key => CommittedSecrets.IsCommitted(CommittedSecrets.JournalKeySetting, key, builder.Environment.ContentRootPath, AppContext.BaseDirectory)))
{
    Console.Error.WriteLine(CommittedSecrets.JournalKeyRefusal);
    return 1;
}
builder.Services.AddSingleton(jwt);
builder.Services.AddSingleton<TokenIssuer>();
// one identity, two ways in: /api/* takes a bearer token, the web pages a sign-in cookie
builder.Services.AddAuthentication(o => o.DefaultScheme = "Workflow")
    .AddPolicyScheme("Workflow", "Workflow", o => o.ForwardDefaultSelector = context =>
        context.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/dang-nhap";
        o.LogoutPath = "/dang-xuat";
        o.AccessDeniedPath = "/loi/403";
        o.Cookie.Name = "workflow.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        // outside Development the cookie travels over HTTPS only
        if (!builder.Environment.IsDevelopment() && !builder.Environment.IsEnvironment("Testing")) o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.Events.OnValidatePrincipal = async context =>
        {
            if (context.Principal is null || await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
                return;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        };
    })
    .AddJwtBearer(o =>
    {
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKeys = jwt.AcceptedKeys,
            NameClaimType = System.Security.Claims.ClaimTypes.Name,
            RoleClaimType = System.Security.Claims.ClaimTypes.Role,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        o.Events = new JwtBearerEvents
        {
            OnTokenValidated = async context =>
            {
                if (!await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().IsCurrentAsync(context.Principal!, context.HttpContext.RequestAborted))
                    context.Fail("The session ended: the user was disabled, changed or removed.");
            },
        };
    });
// tokens are checked against the application's clock, the same one that issued them
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
    o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore <= now + parameters.ClockSkew) && (expires is null || expires >= now - parameters.ClockSkew);
    });
builder.Services.AddAuthorization(o =>
{
    // every endpoint needs an identity unless it says otherwise (health, token, OpenAPI)
    o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    Policies.Configure(o);
});

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
    c.ProblemDetails.Title = c.ProblemDetails.Status switch
    {
        401 => "Chưa đăng nhập",
        403 => "Không có quyền",
        404 when c.ProblemDetails.Title is null or "Not Found" => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        _ => c.ProblemDetails.Title,
    };
    c.ProblemDetails.Detail ??= c.ProblemDetails.Status switch
    {
        401 => "Cần đăng nhập: gửi token Bearer lấy từ POST /api/auth/token.",
        403 => "Vai trò của bạn không được thực hiện thao tác này.",
        404 => "Địa chỉ hoặc mã không tồn tại.",
        _ => null,
    };
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
builder.Services.Configure<JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

// a dossier page takes a file as large as the API does (Attachments:MaxBytes)
var attachmentUpload = new UploadSizeLimit(Workflow.Infrastructure.Files.AttachmentOptions.From(builder.Configuration).MaxRequestBytes);
builder.Services.AddRazorPages(o =>
{
    foreach (var dossierPage in new[] { "/Proposals/Details", "/Disbursements/Details", "/Settlements/Details" })
        o.Conventions.AddPageApplicationModelConvention(dossierPage, page => page.EndpointMetadata.Add(attachmentUpload));
    o.Conventions.AllowAnonymousToPage("/Account/SignIn");
    o.Conventions.AllowAnonymousToFolder("/Errors");
    // the forms that create or act carry an idempotency key; signing in and out and the account's own settings answer
    // with cookies, which a repeat could not give again, and the error pages do nothing
    o.Conventions.AddFolderApplicationModelConvention("/", page =>
    {
        if (!page.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal) && !page.ViewEnginePath.StartsWith("/Errors/", StringComparison.Ordinal))
            page.EndpointMetadata.Add(IdempotentPosts.Forms);
    });
})
// dates on the pages are dd/MM/yyyy whatever the browser's language (the API's JSON keeps ISO dates)
.AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new Workflow.Api.Pages.DateInputBinderProvider()));
// the database every server shares and the bus (with RabbitMQ, the broker): either down is a 503
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database")
    .AddCheck<Workflow.Infrastructure.Messaging.BusHealthCheck>(Workflow.Infrastructure.Messaging.BusHealthCheck.Name);
// offices sit on slow links: pages, styles, scripts and JSON go out Brotli- or gzip-compressed, over HTTPS too
// (BREACH: docs/operations.md §4 says why that is safe here and why the token calls are left out)
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
        .Concat(["application/problem+json", "image/svg+xml"]);
});
// the fastest levels: a busy server spends little per answer and still shrinks HTML and JSON several times
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(o =>
{
    o.SwaggerDoc("v1", new OpenApiInfo
    {
        Title = "Workflow — CTMTQG giảm nghèo bền vững",
        Version = "v1",
        Description = "Kế hoạch vốn, đề xuất, giải ngân và quyết toán Dự án 2, 3, 4, 6, 7. Lấy token ở POST /api/auth/token rồi bấm Authorize.",
    });
    o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "Token từ POST /api/auth/token",
    });
    o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
    // ids a $ref can carry: a nested or generic type's CLR name has characters a URI fragment may not
    o.CustomSchemaIds(OpenApiSchemaIds.For);
    o.OperationFilter<PlanUploadOpenApi>();
    o.OperationFilter<IdempotencyKeyOpenApi>();
    // an action's form data is whatever its process asks for ({ decisionNumber, decisionDate } for approve, …)
    o.MapType<JsonElement>(() => new OpenApiSchema
    {
        Type = JsonSchemaType.Object,
        AdditionalPropertiesAllowed = true,
        Description = "Dữ liệu của thao tác, theo quy trình: approve cần { decisionNumber, decisionDate }, confirm-payment cần { treasuryReference, paidOn }.",
    });
});

var app = builder.Build();

if (command.Name == HostCommand.Migrate)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    return 0;
}
if (command.Name == HostCommand.CreateAdmin)
    return await CreateAdminCommand.RunAsync(app.Services, command.Argument, Console.In, Console.Out, Console.Error);
if (command.Name == HostCommand.Backup)
    return await BackupCommand.RunAsync(app.Services, command.Argument, Console.Out, Console.Error);
if (command.Name == HostCommand.VerifyAttachments)
    return await VerifyAttachmentsCommand.RunAsync(app.Services, Console.Out, Console.Error);
if (command.Name == HostCommand.PurgePersonalData)
    return await PurgePersonalDataCommand.RunAsync(app.Services, command.Argument == PurgePersonalDataCommand.DryRun, Console.Out, Console.Error);
if (command.Name == HostCommand.Journal)
    return await JournalCommand.RunAsync(app.Services, command.Argument, command.CheckpointFile, Console.Out, Console.Error);

// the client's address and scheme as the proxy saw them, before anything reads them
app.UseReverseProxy();
// every answer but the token calls' (a bearer token, a one-time password) compressed
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api/auth"), compressed => compressed.UseResponseCompression());
// first, so every answer carries them: pages, API, errors
app.UseMiddleware<SecurityHeaders>();
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/loi/500" });
app.UseWhen(c => IsApi(c.Request.Path), api => api.UseStatusCodePages());
app.UseWhen(c => !IsApi(c.Request.Path), web => web.UseStatusCodePagesWithReExecute("/loi/{0}"));
app.UseMiddleware<QueryTextGuard>();
app.UseStaticFiles();
// explicitly after the error and status-code handlers, so that a re-executed request (/loi/404, /loi/400) is routed again
app.UseRouting();
if (app.Environment.IsProduction()) app.UseHsts();
// the OpenAPI document and its UI describe every operation: off in Production unless Api:Swagger says otherwise
if (!app.Environment.IsProduction() || app.Configuration.GetValue<bool>("Api:Swagger"))
    app.UseSwagger().UseSwaggerUI(o => o.DocumentTitle = "Workflow API");
app.UseAuthentication();
// the user on every log line; the metrics' scrape endpoint, behind its token
app.UseObservability();
app.UseRateLimiter();
app.UseMiddleware<SessionRestrictionMiddleware>();
app.UseAuthorization();
// after authorization: a key belongs to the caller, and a refused caller claims none
app.UseMiddleware<IdempotencyMiddleware>();
app.MapRazorPages();

app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
app.MapLiveness();
// sign-in and the account's own calls answer with tokens, which are never stored: they take no Idempotency-Key
app.MapAuthEndpoints();
// a bulk action commits each dossier in its own transaction: no one stored answer could commit with them
app.MapBulkActionEndpoint();
// every other POST of the API honours Idempotency-Key (docs/operations.md)
var api = app.MapGroup("").WithIdempotencyKeys();
api.MapCatalogEndpoints();
api.MapPlanEndpoints();
api.MapWorkflowEndpoints();
api.MapAuditEndpoints();
api.MapLifecycleEndpoints();
api.MapAttachmentEndpoints();
api.MapPersonalDataEndpoints();
api.MapReportEndpoints();
api.MapAdminEndpoints();
api.MapDelegationEndpoints();
api.MapMonitoringEndpoints();
api.MapMonitoringReportEndpoints();

try
{
    await app.RunAsync();
    return 0;
}
catch (WorkflowDefinitionException e)
{
    // a broken process definition must not serve requests: say exactly what is wrong and stop
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (Workflow.Infrastructure.Catalogues.CatalogueException e)
{
    // the programme's component list decides what a plan may contain: a broken or silently edited one stops start-up
    Console.Error.WriteLine(e.Message);
    return 1;
}

static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger");

public partial class Program;
