using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Workflows;
using Workflow.Infrastructure.Persistence;
using Workflow.Infrastructure.Workflows;

namespace Workflow.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddWorkflowInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddJournalSeal(configuration);
        services.AddSingleton<Idempotency.IdempotentSaves>();
        var engine = options.Engine;
        void Configure(IServiceProvider provider, DbContextOptionsBuilder db)
        {
            // every journal and ledger entry is sealed with the journal key as it is saved
            db.AddInterceptors(provider.GetRequiredService<Audit.EntrySealer>());
            // a request with an Idempotency-Key saves its effect in the transaction that records its answer
            db.AddInterceptors(provider.GetRequiredService<Idempotency.IdempotentSaves>());
            db.Use(engine, options.ConnectionString);
        }
        // code asks for WorkflowDbContext; on PostgreSQL it gets the subclass that carries PostgreSQL's migrations.
        // The options are built once: everything they hold is the process's (singleton interceptors, one connection
        // string), and building them per request cost more than some of the queries it served.
        if (engine == DatabaseProvider.Postgres) services.AddDbContext<WorkflowDbContext, PostgresWorkflowDbContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        else services.AddDbContext<WorkflowDbContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Ledger.PlanLedger>();
        services.AddSingleton<TimeProvider>(new MicrosecondClock(TimeProvider.System));

        var catalogues = configuration.GetSection(Catalogues.CatalogueOptions.Section).Get<Catalogues.CatalogueOptions>() ?? new Catalogues.CatalogueOptions();
        services.AddSingleton(catalogues);
        services.AddSingleton<Catalogues.ProgrammeCatalogues>();
        services.AddScoped<Catalogues.CatalogueRegistration>();

        // the files attached to dossiers, kept by content address beside the database (docs/operations.md)
        services.AddSingleton(Files.AttachmentOptions.From(configuration));
        services.AddSingleton<Files.FileStore>();
        services.AddScoped<Files.AttachmentAuditor>();
        services.AddScoped<Files.PersonalDataRetention>();

        services.AddWorkflowRuntime(configuration);
        services.AddMessaging(configuration);
        services.AddSingleton(Idempotency.IdempotencyOptions.From(configuration));
        services.AddSingleton<Idempotency.IdempotencyKeys>();
        return services;
    }

    /// <summary>The journal key and what uses it: the seal on save, verification, checkpoints and background runs.</summary>
    private static void AddJournalSeal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(Audit.JournalKeyOptions.From(configuration));
        services.AddSingleton(provider => provider.GetRequiredService<Audit.JournalKeyOptions>().KeyRing());
        services.AddSingleton<Audit.EntrySealer>();
        services.AddScoped<Audit.JournalAuditor>();
        services.AddScoped<Audit.AuditRunner>();
        services.AddScoped<Audit.CheckpointTaker>();
    }

    private static void AddWorkflowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowOptions.Section).Get<WorkflowOptions>() ?? new WorkflowOptions();
        services.AddSingleton(options);

        // guards and effects are small named classes; a definition refers to them by name
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(IWorkflowGuard).IsAssignableFrom(type)) services.AddScoped(typeof(IWorkflowGuard), type);
            if (typeof(IWorkflowEffect).IsAssignableFrom(type)) services.AddScoped(typeof(IWorkflowEffect), type);
        }

        services.AddSingleton<DefinitionCatalog>();
        services.AddScoped<DefinitionLoader>();
        services.AddScoped<DefinitionRegistration>();
        services.AddSingleton(_ =>
        {
            var file = Path.Combine(options.ResolvePath(), "holidays.json");
            return File.Exists(file) ? WorkingCalendar.FromJson(File.ReadAllText(file)) : WorkingCalendar.Empty;
        });
        services.AddScoped<IWorkflowRuntime, WorkflowRuntime>();
        services.AddScoped<DeadlineEscalator>();
        services.AddScoped<OutboxPublisher>();
        var mail = Mail.MailOptions.Read(configuration);
        services.AddSingleton(mail);
        services.AddScoped<Mail.MailSender>();

        if (options.RunBackgroundServices)
        {
            services.AddBackgroundWork<OutboxDispatcher>();
            services.AddBackgroundWork<DeadlineService>();
            services.AddBackgroundWork<Audit.AuditRunService>();
            services.AddBackgroundWork<Idempotency.IdempotencyKeySweeper>();
            if (mail.Enabled) services.AddBackgroundWork<Mail.MailDispatcher>();
        }
    }

    /// <summary>
    /// MassTransit: in-memory by default; <c>Bus:Transport=RabbitMq</c> for several servers sharing one broker
    /// (<see cref="Messaging.BusOptions"/>). Every server consumes from the same durable queues, so each message goes
    /// to one of them; a consumer that fails is retried, then the message is parked in the queue's <c>_error</c> queue.
    /// The bus's health (connected to the broker, endpoints ready) is part of <c>/health</c>.
    /// </summary>
    private static void AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var bus = Messaging.BusOptions.From(configuration);
        services.AddSingleton(bus);
        services.AddMassTransit(x =>
        {
            x.AddConsumer<NotificationConsumer>(c => c.Options<BatchOptions>(NotificationConsumer.Batching));
            x.SetKebabCaseEndpointNameFormatter();
            // a consumer that meets a busy database or a lost race tries again before the message is parked
            x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Intervals(100, 500, 1_000, 2_000, 5_000, 10_000)));
            if (bus.Broker is { } broker)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h =>
                    {
                        h.Username(broker.Username);
                        h.Password(broker.Password);
                        // a publish completes when the broker has the message: only then is it marked published
                        h.PublisherConfirmation = true;
                        h.Heartbeat(TimeSpan.FromSeconds(10));
                        h.RequestedConnectionTimeout(TimeSpan.FromSeconds(10));
                        h.ConnectionName($"workflow {Environment.MachineName}:{Environment.ProcessId}");
                        if (broker.UseTls) h.UseSsl(ssl => ssl.ServerName = broker.Host);
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        // /health asks the bus through Messaging.BusHealthCheck, which counts a lost broker as unhealthy; MassTransit's
        // own check would call it degraded (200)
        services.PostConfigure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>(o =>
        {
            foreach (var own in o.Registrations.Where(r => r.Name.StartsWith("masstransit", StringComparison.Ordinal)).ToList())
                o.Registrations.Remove(own);
        });
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // a server starts, and serves, while the broker is away: /health says so, and the outbox keeps the messages;
            // the in-memory bus cannot fail to start and is running before the first request
            o.WaitUntilStarted = !bus.UsesRabbitMq;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
    }
}
