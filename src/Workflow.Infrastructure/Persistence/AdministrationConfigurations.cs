using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Administration;
using Workflow.Domain.Catalog;

namespace Workflow.Infrastructure.Persistence;

internal sealed class UnitAssignmentConfiguration : IEntityTypeConfiguration<UnitAssignment>
{
    public void Configure(EntityTypeBuilder<UnitAssignment> b)
    {
        b.ToTable("unit_assignments");
        // one row per unit, part and start day: a later row replaces an earlier one from its day on
        b.HasKey(a => new { a.UnitCode, a.Part, a.ValidFrom });
        b.Property(a => a.UnitCode).HasMaxLength(64);
        b.Property(a => a.Part).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.AgencyCode).HasMaxLength(64).IsRequired();
        b.HasOne<AdminUnit>().WithMany().HasForeignKey(a => a.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.AgencyCode);
    }
}

internal sealed class MediumTermCeilingConfiguration : IEntityTypeConfiguration<Domain.Plans.MediumTermCeiling>
{
    public void Configure(EntityTypeBuilder<Domain.Plans.MediumTermCeiling> b)
    {
        b.ToTable("medium_term_ceilings");
        b.HasKey(c => c.Id);
        b.Property(c => c.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(c => c.Component).HasMaxLength(16).IsRequired();
        b.Property(c => c.Basis).HasMaxLength(500).IsRequired();
        b.Property(c => c.SetBy).HasMaxLength(256).IsRequired();
        b.HasIndex(c => new { c.UnitCode, c.FromYear, c.ToYear, c.Component }).IsUnique();
        b.HasOne<AdminUnit>().WithMany().HasForeignKey(c => c.UnitCode).OnDelete(DeleteBehavior.Restrict);
        b.MapSourceAmounts(c => c.Amounts);
        b.Ignore(c => c.Period);
    }
}

internal sealed class AdminJournalEntryConfiguration : IEntityTypeConfiguration<AdminJournalEntry>
{
    public void Configure(EntityTypeBuilder<AdminJournalEntry> b)
    {
        // history outlives what it describes: no foreign keys
        b.ToTable("admin_journal");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(64).IsRequired();
        b.Property(e => e.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(e => e.ObjectType).HasMaxLength(32).IsRequired();
        b.Property(e => e.ObjectId).HasMaxLength(128).IsRequired();
        b.Property(e => e.Action).HasMaxLength(32).IsRequired();
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.UnitCode);
        b.HasIndex(e => new { e.ObjectType, e.ObjectId });
    }
}

internal sealed class ReferenceDataStampConfiguration : IEntityTypeConfiguration<ReferenceDataStamp>
{
    public void Configure(EntityTypeBuilder<ReferenceDataStamp> b)
    {
        b.ToTable("reference_data_stamp");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new ReferenceDataStamp(ReferenceDataStamp.SingletonId, ReferenceDataStamp.Initial));
    }
}
