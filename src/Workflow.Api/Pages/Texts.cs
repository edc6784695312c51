namespace Workflow.Api.Pages;

/// <summary>
/// The interface's words. The English text is the key; Texts.es.resx holds the Spanish, and a test checks
/// that every key the pages use has its Spanish entry.
/// </summary>
public sealed class Texts;
