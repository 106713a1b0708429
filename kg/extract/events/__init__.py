"""extract/events"""
