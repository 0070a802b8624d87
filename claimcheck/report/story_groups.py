"""Stories as the text and HTML reports list them: those of several documents, then the documents alone."""
from __future__ import annotations

from dataclasses import dataclass

from claimcheck.models import Report, Story


@dataclass(frozen=True)
class StoryGroups:
    shared: tuple[Story, ...] = ()  # stories of several documents, in the report's order (largest first)
    alone: tuple[str, ...] = ()  # ids of the documents in a story of their own: one line for all of them

    def __bool__(self) -> bool:
        return bool(self.shared or self.alone)


def story_groups(report: Report) -> StoryGroups:
    """The stories to list; both reports number `shared` from 1 in this order, so "story 2" is one story in both."""
    stories = report.stories
    if report.check is not None:
        # a check is about the drafts: the stories a draft is in, with the corpus articles that report its event
        drafts = set(report.check.drafts)
        stories = tuple(s for s in stories if drafts & set(s.documents))
    elif sum(len(s.documents) for s in stories) < 2:
        return StoryGroups()  # one document read is one story of one document: saying so tells nothing
    return StoryGroups(
        shared=tuple(s for s in stories if len(s.documents) > 1),
        alone=tuple(doc for s in stories if len(s.documents) == 1 for doc in s.documents),
    )
