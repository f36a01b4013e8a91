"""Across reports: stories, report dates, canonical actors, timeline, figure series and divergences."""

from newsweave.align.stories import group_into_stories
from newsweave.align.story import STAGE_VERSION, align_story

__all__ = ["STAGE_VERSION", "align_story", "group_into_stories"]
