using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflow.Domain.Identity;
using Workflow.Domain.Workflows;

namespace Workflow.Infrastructure.Persistence;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> b)
    {
        b.ToTable("workflow_definitions");
        b.HasKey(d => new { d.DefinitionId, d.Version });
        b.Property(d => d.DefinitionId).HasMaxLength(64);
        b.Property(d => d.DisplayName).HasMaxLength(256).IsRequired();
        b.Property(d => d.SubjectType).HasMaxLength(64).IsRequired();
        b.Property(d => d.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(d => d.Content).IsRequired();
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.ToTable("workflow_instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.DefinitionId).HasMaxLength(64).IsRequired();
        b.Property(i => i.SubjectType).HasMaxLength(64).IsRequired();
        b.HasIndex(i => new { i.SubjectType, i.SubjectId }).IsUnique();
        b.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        b.Property(i => i.UnitCode).HasMaxLength(64).IsRequired();
        // the journal viewer keeps to the reader's units
        b.HasIndex(i => i.UnitCode);
        b.Property(i => i.ParentUnitCode).HasMaxLength(64);
        b.Property(i => i.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(i => i.State).HasMaxLength(64).IsRequired();
        b.Property(i => i.StartedBy).HasMaxLength(64).IsRequired();
        // the revision is the concurrency token: an UPDATE that finds another revision changes nothing and fails
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.Ignore(i => i.IsCompleted);
        b.Ignore(i => i.Subject);
    }
}

internal sealed class WorkflowTaskConfiguration : IEntityTypeConfiguration<WorkflowTask>
{
    public void Configure(EntityTypeBuilder<WorkflowTask> b)
    {
        b.ToTable("workflow_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.SubjectType).HasMaxLength(64).IsRequired();
        b.Property(t => t.State).HasMaxLength(64).IsRequired();
        b.Property(t => t.Role).HasMaxLength(32).IsRequired();
        b.Property(t => t.Scope).HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.TargetUnitCode).HasMaxLength(64).IsRequired();
        b.Property(t => t.TargetAgencyCode).HasMaxLength(64);
        b.Property(t => t.Title).HasMaxLength(256).IsRequired();
        b.Property(t => t.ClosedBy).HasMaxLength(64);
        b.Property(t => t.ClosedByAction).HasMaxLength(64);
        // a firing that loaded the task unclaimed must not close it over a claim made meanwhile: it runs again and sees the holder
        b.Property(t => t.ClaimedById).IsConcurrencyToken();
        b.Property(t => t.ClaimedBy).HasMaxLength(64);
        b.Property(t => t.ClaimedByName).HasMaxLength(256);
        b.Ignore(t => t.Claim);
        b.HasIndex(t => new { t.TargetUnitCode, t.Role, t.ClosedAt });
        // the inbox: a unit's open tasks, soonest due first
        b.HasIndex(t => new { t.TargetUnitCode, t.ClosedAt, t.DueAt });
        b.HasIndex(t => new { t.ClosedAt, t.EscalatedAt, t.DueAt });
        b.HasIndex(t => t.InstanceId);
        b.Ignore(t => t.IsOpen);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("journal");
        b.HasKey(e => e.Id);
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Restrict);
        // one entry per revision: a second writer of the same step cannot append
        b.HasIndex(e => new { e.InstanceId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.SubjectType, e.SubjectId });
        // the journal viewer reads newest first, and by person
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.ActorName, e.At });
        b.Property(e => e.SubjectType).HasMaxLength(64).IsRequired();
        b.Property(e => e.ActorName).HasMaxLength(64).IsRequired();
        b.Property(e => e.Role).HasMaxLength(32).IsRequired();
        b.Property(e => e.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(e => e.OnBehalfOfName).HasMaxLength(64);
        b.Property(e => e.FromState).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64).IsRequired();
        b.Property(e => e.ToState).HasMaxLength(64).IsRequired();
        b.Property(e => e.Comment).HasMaxLength(2000);
        b.Property(e => e.Data).IsRequired();
        b.Property(e => e.DataHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Scheme).HasColumnName("HashScheme");
        b.Property(e => e.KeyId).HasMaxLength(16);
        b.Property(e => e.SubjectDigest).HasMaxLength(64);
        b.Property(e => e.MovementsDigest).HasMaxLength(64);
        b.Ignore(e => e.IsSealed);
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> b)
    {
        b.ToTable("delegations");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.DelegatorUserName).HasMaxLength(64).IsRequired();
        b.Property(d => d.DelegatorName).HasMaxLength(256).IsRequired();
        b.Property(d => d.SubstituteUserName).HasMaxLength(64).IsRequired();
        b.Property(d => d.SubstituteName).HasMaxLength(256).IsRequired();
        b.Property(d => d.Role).HasMaxLength(32).IsRequired();
        b.Property(d => d.AgencyCode).HasMaxLength(64).IsRequired();
        b.Property(d => d.UnitCode).HasMaxLength(64).IsRequired();
        b.Property(d => d.Reason).HasMaxLength(DelegationRules.MaxReasonLength).IsRequired();
        b.Property(d => d.RevokedBy).HasMaxLength(64);
        // what a substitute holds today: read on every inbox page and firing
        b.HasIndex(d => new { d.SubstituteId, d.To });
        b.HasIndex(d => new { d.DelegatorId, d.To });
        b.Ignore(d => d.IsRevoked);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Type).HasMaxLength(128).IsRequired();
        b.Property(m => m.Payload).IsRequired();
        b.Property(m => m.ClaimedBy).HasMaxLength(128);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.PublishedAt, m.OccurredAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).ValueGeneratedNever();
        b.HasIndex(n => new { n.MessageId, n.UserId }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasOne<Identity.User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(n => n.Title).HasMaxLength(256).IsRequired();
        b.Property(n => n.Body).HasMaxLength(2000).IsRequired();
        b.Property(n => n.SubjectType).HasMaxLength(64).IsRequired();
        b.Property(n => n.SubjectCode).HasMaxLength(32);
        b.Property(n => n.SubjectTitle).HasMaxLength(512);
        // a notice is done when its task is: the list reads the task by this key
        b.HasIndex(n => n.TaskId);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<Mail.OutgoingMail>
{
    public void Configure(EntityTypeBuilder<Mail.OutgoingMail> b)
    {
        b.ToTable("outgoing_mail");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.HasIndex(m => m.NotificationId).IsUnique();
        b.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.To).HasMaxLength(256).IsRequired();
        b.Property(m => m.Subject).HasMaxLength(512).IsRequired();
        b.Property(m => m.Body).HasMaxLength(8000).IsRequired();
        b.Property(m => m.ClaimedBy).HasMaxLength(128);
        b.Property(m => m.LastError).HasMaxLength(1000);
        // what each server's poll reads: the unsent, oldest due first
        b.HasIndex(m => new { m.SentAt, m.GaveUpAt, m.NextAttemptAt });
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<Messaging.ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<Messaging.ProcessedMessage> b)
    {
        b.ToTable("processed_messages");
        // the key that lets one delivery of a message, on any server, commit its consumer's effects
        b.HasKey(m => new { m.Consumer, m.MessageId });
        b.Property(m => m.Consumer).HasMaxLength(128);
    }
}

internal sealed class ProgrammePeriodRecordConfiguration : IEntityTypeConfiguration<Workflow.Domain.Catalog.ProgrammePeriodRecord>
{
    public void Configure(EntityTypeBuilder<Workflow.Domain.Catalog.ProgrammePeriodRecord> b)
    {
        b.ToTable("programme_periods");
        b.HasKey(p => new { p.PeriodId, p.Version });
        b.Property(p => p.PeriodId).HasMaxLength(16);
        b.Property(p => p.LegalBasis).HasMaxLength(1000).IsRequired();
        b.Property(p => p.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(p => p.Content).IsRequired();
        b.Property(p => p.Source).HasMaxLength(16).IsRequired();
        b.Property(p => p.RegisteredBy).HasMaxLength(256);
    }
}
