"""Across reports: stories, report dates, canonical actors, timeline, figure series and divergences."""

from newsweave.align.story import STAGE_VERSION, align_story
from newsweave.align.stories import group_into_stories

__all__ = ["STAGE_VERSION", "align_story", "group_into_stories"]
