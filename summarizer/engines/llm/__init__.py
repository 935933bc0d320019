"""engines/llm"""
