using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Domain.Common;
using Workflow.Domain.Files;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Files;
using Workflow.Infrastructure.Persistence;

namespace Workflow.Api.Features.Attachments.AttachFile;

/// <summary>
/// Attaches an uploaded file to a proposal, disbursement or settlement (<c>POST /api/{subjects}/{id}/attachments</c>,
/// or the dossier page's form). <paramref name="File"/> is null when the form had no field <c>file</c>.
/// <paramref name="PersonalData"/> marks the file as holding personal data (form field <c>personalData=true</c>).
/// </summary>
public sealed record AttachFileCommand(string SubjectType, Guid SubjectId, IFormFile? File, bool PersonalData = false) : IRequest<FileAttached>
{
    public const string PersonalDataField = "personalData";
    public const string MarkPersonalDataAction = "mark-personal-data";
}

/// <param name="Created">False when the dossier already had this content: nothing new was stored or journaled.</param>
public sealed record FileAttached(AttachedFile File, bool Created);

/// <remarks>
/// Order matters for "nothing half-stored": the caller's rights first; then the name and size as declared; then the
/// content is received whole into the store's incoming folder and checked (size, kind by its first bytes); only then is
/// it moved to its address, and the attachment and its journal entry are saved together. A save that fails leaves at
/// most a stored file nobody refers to, which a later upload of the same content reuses.
/// </remarks>
public sealed class AttachFileHandler(WorkflowDbContext db, AttachmentAccess access, FileStore store, AttachmentOptions options,
    IWorkflowRuntime runtime, TimeProvider clock) : IRequestHandler<AttachFileCommand, FileAttached>
{
    public async Task<FileAttached> Handle(AttachFileCommand request, CancellationToken cancellationToken)
    {
        var instanceId = await access.InstanceOfAsync(request.SubjectType, request.SubjectId, cancellationToken);
        var role = await access.AttachingRoleAsync(instanceId, cancellationToken)
            ?? throw new ForbiddenException("Chỉ cơ quan chủ trì hồ sơ, hoặc người đang được xử lý hồ sơ ở bước hiện tại, mới đính kèm được tệp; hồ sơ đã kết thúc thì không đính kèm thêm.");

        if (request.File is not { } upload)
            throw new ValidationFailedException(FileKinds.Field, "Chưa gửi tệp: gửi biểu mẫu multipart/form-data có tệp ở trường 'file'.");
        var name = FileKinds.CleanName(upload.FileName);
        var problems = FileKinds.CheckName(name).ToList();
        if (problems.Count == 0) problems.AddRange(FileKinds.CheckSize(name, upload.Length, options.MaxBytes));
        if (problems.Count > 0) throw new ValidationFailedException(problems);

        IncomingFile incoming;
        await using (var content = upload.OpenReadStream())
        {
            try
            {
                incoming = await store.ReceiveAsync(content, options.MaxBytes, cancellationToken);
            }
            catch (FileTooLargeException)
            {
                // more came than the form declared
                throw new ValidationFailedException(FileKinds.Field, $"Tệp «{name}» vượt giới hạn {FileKinds.Megabytes(options.MaxBytes)} mỗi tệp.");
            }
        }
        await using (incoming)
        {
            problems.AddRange(FileKinds.CheckContent(name, incoming.Size, incoming.Header, options.MaxBytes));
            if (problems.Count > 0) throw new ValidationFailedException(problems);

            var existing = await db.DossierFiles
                .SingleOrDefaultAsync(f => f.SubjectType == request.SubjectType && f.SubjectId == request.SubjectId && f.Sha256 == incoming.Sha256, cancellationToken);
            // the content is stored again all the same: an address whose file went missing or was altered is put right
            await incoming.KeepAsync(cancellationToken);
            if (existing is not null)
            {
                // sent again with the mark: the mark is added (never taken away here: unmarking would open the data to more people)
                if (request.PersonalData && !existing.PersonalData)
                {
                    existing.MarkPersonalData();
                    await runtime.RecordChangeAsync(instanceId, AttachFileCommand.MarkPersonalDataAction, access.Actor, role,
                        JsonSerializer.SerializeToElement(new { sha256 = existing.Sha256, fileName = existing.FileName, personalData = true }), cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                }
                return new FileAttached(await AttachedFile.OfAsync(existing, db, cancellationToken), false);
            }

            var kind = FileKinds.ByName(name)!;
            var actor = access.Actor;
            var file = new DossierFile(Guid.NewGuid(), request.SubjectType, request.SubjectId, incoming.Sha256, name, kind.ContentType, incoming.Size,
                actor.UserName, clock.GetUtcNow(), request.PersonalData);
            db.DossierFiles.Add(file);
            await runtime.RecordChangeAsync(instanceId, DossierFile.AttachAction, actor, role,
                JsonSerializer.SerializeToElement(new { sha256 = file.Sha256, fileName = file.FileName, contentType = file.ContentType, size = file.Size, personalData = file.PersonalData }),
                cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && db.Database.CurrentTransaction is null)
            {
                // the same content sent twice at once: the other request attached it, so this one has nothing to add
                db.ChangeTracker.Clear();
                var attached = await db.DossierFiles.AsNoTracking()
                    .SingleAsync(f => f.SubjectType == request.SubjectType && f.SubjectId == request.SubjectId && f.Sha256 == incoming.Sha256, cancellationToken);
                return new FileAttached(await AttachedFile.OfAsync(attached, db, cancellationToken), false);
            }
            return new FileAttached(await AttachedFile.OfAsync(file, db, cancellationToken), true);
        }
    }
}
