using System.Reflection;
using FluentValidation;
using MediatR;

namespace Workflow.Api.Common;

/// <summary>
/// Registers the request pipeline of an assembly: its MediatR handlers by scanning (MediatR 5 ships no DI
/// extensions), its FluentValidation validators through FluentValidation's own registration, and the
/// validation behaviour that runs them before every handler.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped);

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
                services.AddScoped(contract, type);
        }
        return services;
    }
}
