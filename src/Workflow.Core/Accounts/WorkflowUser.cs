using Microsoft.AspNetCore.Identity;

namespace Workflow.Core.Accounts;

/// <summary>A person with an account: drafters sign in; signers need no account.</summary>
public sealed class WorkflowUser : IdentityUser;
