using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Files;

namespace Workflow.Infrastructure.Persistence;

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFile>
{
    public void Configure(EntityTypeBuilder<DossierFile> b)
    {
        b.ToTable("dossier_files");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SubjectType).HasMaxLength(32).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(FileKinds.MaxNameLength).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(128).IsRequired();
        b.Property(x => x.AttachedBy).HasMaxLength(64).IsRequired();
        b.Property(x => x.ContentRemovedBy).HasMaxLength(64);
        b.Property(x => x.ContentRemovalReason).HasMaxLength(512);
        b.Ignore(x => x.ContentRemoved);
        // a dossier's files; the same content attached to it again is the same attachment
        b.HasIndex(x => new { x.SubjectType, x.SubjectId, x.Sha256 }).IsUnique();
        // who refers to a stored file: downloads and the integrity check
        b.HasIndex(x => x.Sha256);
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> b)
    {
        b.ToTable("personal_data_access");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UserName).HasMaxLength(64).IsRequired();
        b.Property(x => x.Roles).HasMaxLength(256).IsRequired();
        b.Property(x => x.UnitCode).HasMaxLength(32).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(FileKinds.MaxNameLength).IsRequired();
        b.Property(x => x.SubjectType).HasMaxLength(32).IsRequired();
        b.Property(x => x.Route).HasMaxLength(128).IsRequired();
        b.Property(x => x.Outcome).HasMaxLength(16).IsRequired();
        // read by period, and by person within it
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.UserName, x.At });
    }
}
