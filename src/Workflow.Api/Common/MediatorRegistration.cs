using System.Reflection;
using FluentValidation;
using MediatR;

namespace Workflow.Api.Common;

/// <summary>MediatR 5 and FluentValidation 11 ship no DI extensions here: handlers and validators are registered by scanning.</summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddMediatorFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                    services.AddScoped(contract, type);
            }
        }
        return services;
    }
}
